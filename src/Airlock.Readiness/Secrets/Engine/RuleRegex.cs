using System.Text.RegularExpressions;

namespace Airlock.Readiness.Secrets.Engine;

/// <summary>
/// Compiles translated RE2 patterns: linear-time (<see cref="RegexOptions.NonBacktracking"/>) whenever .NET
/// accepts the pattern that way, else backtracking; both with a match timeout so that one pathological
/// input costs a skipped match, never a hung scan.
/// </summary>
internal static class RuleRegex
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Compiles a Go RE2 pattern; throws <see cref="ArgumentException"/> when it is invalid.</summary>
    public static Regex Compile(string re2Pattern, TimeSpan timeout)
    {
        var pattern = Re2Translator.Translate(re2Pattern);
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, timeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, timeout);
        }
    }

    /// <summary>A timed-out test counts as "no match": an allowlist that cannot decide does not hide a finding.</summary>
    public static bool IsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
