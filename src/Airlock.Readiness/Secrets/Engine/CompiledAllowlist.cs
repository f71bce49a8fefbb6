using Airlock.Readiness.Secrets.Rules;

namespace Airlock.Readiness.Secrets.Engine;

/// <summary>An allowlist with its regexes compiled, evaluated with gitleaks' semantics.</summary>
internal sealed class CompiledAllowlist
{
    private readonly AllowlistCondition _condition;
    private readonly HashSet<string> _commits;
    private readonly RuleRegex[] _paths;
    private readonly RuleRegex[] _regexes;
    private readonly AllowlistRegexTarget _target;
    private readonly string[] _stopWords;

    public CompiledAllowlist(SecretAllowlist allowlist, Func<string, string, RuleRegex> compile)
    {
        _condition = allowlist.Condition;
        _commits = allowlist.Commits.Select(c => c.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        _paths = [.. allowlist.Paths.Select(p => compile(p, "allowlist path"))];
        _regexes = [.. allowlist.Regexes.Select(r => compile(r, "allowlist regex"))];
        _target = allowlist.RegexTarget;
        _stopWords = [.. allowlist.StopWords.Select(w => w.ToLowerInvariant())];
    }

    /// <summary>
    /// Whether the whole fragment is allowed before any rule runs: by commit or path (OR), or, for an
    /// AND allowlist with only commits and paths, by all of them.
    /// </summary>
    public bool AllowsFragment(string path, string? commit)
    {
        if (path.Length == 0 && commit is null)
        {
            return false;
        }

        if (_condition == AllowlistCondition.And)
        {
            if (_regexes.Length > 0 || _stopWords.Length > 0)
            {
                return false;
            }

            return (_commits.Count == 0 || CommitAllowed(commit)) && (_paths.Length == 0 || PathAllowed(path));
        }

        return CommitAllowed(commit) || PathAllowed(path);
    }

    /// <summary>Whether one finding is allowed.</summary>
    public bool AllowsFinding(string secret, string match, string line, string path, string? commit)
    {
        var target = _target switch
        {
            AllowlistRegexTarget.Match => match,
            AllowlistRegexTarget.Line => line,
            _ => secret,
        };
        if (_condition == AllowlistCondition.And)
        {
            return (_commits.Count == 0 || CommitAllowed(commit))
                && (_paths.Length == 0 || PathAllowed(path))
                && (_regexes.Length == 0 || RegexAllowed(target))
                && (_stopWords.Length == 0 || ContainsStopWord(secret));
        }

        return CommitAllowed(commit) || PathAllowed(path) || RegexAllowed(target) || ContainsStopWord(secret);
    }

    private bool CommitAllowed(string? commit) => commit is { Length: > 0 } && _commits.Contains(commit.ToLowerInvariant());

    private bool PathAllowed(string path) => path.Length > 0 && Any(_paths, path);

    private bool RegexAllowed(string target) => target.Length > 0 && Any(_regexes, target);

    private bool ContainsStopWord(string secret)
    {
        if (_stopWords.Length == 0)
        {
            return false;
        }

        var lower = secret.ToLowerInvariant();
        foreach (var word in _stopWords)
        {
            if (lower.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Any(RuleRegex[] regexes, string input)
    {
        foreach (var regex in regexes)
        {
            if (regex.IsMatch(input))
            {
                return true;
            }
        }

        return false;
    }
}
