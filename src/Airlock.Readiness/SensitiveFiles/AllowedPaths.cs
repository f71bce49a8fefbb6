using System.Text.RegularExpressions;

namespace Airlock.Readiness.SensitiveFiles;

/// <summary>
/// <c>secrets.allowPaths</c> from airlock.yaml: path regexes the secret scans skip, honoured here too so a team
/// silences a test fixture key once. A pattern that does not compile is reported, never thrown.
/// </summary>
internal sealed class AllowedPaths
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private readonly List<Regex> _patterns = [];

    public AllowedPaths(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var pattern in patterns)
        {
            try
            {
                _patterns.Add(new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout));
            }
            catch (ArgumentException)
            {
                Invalid.Add(pattern);
            }
        }
    }

    /// <summary>Patterns that are not valid .NET regular expressions.</summary>
    public List<string> Invalid { get; } = [];

    public bool Allows(string path)
    {
        foreach (var pattern in _patterns)
        {
            try
            {
                if (pattern.IsMatch(path))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological pattern does not silence a finding.
            }
        }

        return false;
    }
}
