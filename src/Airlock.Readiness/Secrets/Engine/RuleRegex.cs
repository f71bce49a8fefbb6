using System.Text.RegularExpressions;

namespace Airlock.Readiness.Secrets.Engine;

/// <summary>
/// A translated RE2 pattern. Matching is linear-time (<see cref="RegexOptions.NonBacktracking"/>) whenever
/// .NET accepts the pattern that way, else backtracking; both with a match timeout so that one pathological
/// input costs a skipped match, never a hung scan. The pattern is validated when this is built (a cheap
/// parse); the linear-time automaton, which is costly to build, is built on first use, so rules whose
/// keywords never occur cost nothing.
/// </summary>
internal sealed class RuleRegex
{
    private readonly Lazy<Regex> _regex;

    /// <summary>Translates and validates a Go RE2 pattern; throws <see cref="ArgumentException"/> when it is invalid.</summary>
    public RuleRegex(string re2Pattern, TimeSpan timeout)
    {
        var pattern = Re2Translator.Translate(re2Pattern);
        var validated = new Regex(pattern, RegexOptions.CultureInvariant, timeout);
        GroupCount = validated.GetGroupNumbers().Length - 1;
        _regex = new Lazy<Regex>(() => Linear(pattern, timeout) ?? validated, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Capturing groups in the pattern (RE2 numbering: opening parentheses from the left).</summary>
    public int GroupCount { get; }

    public Regex Regex => _regex.Value;

    /// <summary>A timed-out test counts as "no match": an allowlist that cannot decide does not hide a finding.</summary>
    public bool IsMatch(string input)
    {
        try
        {
            return Regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex? Linear(string pattern, TimeSpan timeout)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, timeout);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
