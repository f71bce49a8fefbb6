using System.Text.RegularExpressions;
using Airlock.Readiness.Secrets.Rules;

namespace Airlock.Readiness.Secrets.Engine;

/// <summary>
/// Finds secrets in text with a rule set, following gitleaks' semantics so that a team's gitleaks config
/// behaves the same here: keyword prefilter, regex, secret group, entropy threshold, rule and global
/// allowlists, inline <c>airlock:allow</c> / <c>gitleaks:allow</c> markers. Thread-safe.
/// </summary>
public sealed class SecretDetector
{
    private static readonly string[] InlineMarkers = ["airlock:allow", "gitleaks:allow"];

    private readonly CompiledRule[] _rules;
    private readonly CompiledAllowlist[] _allowlists;
    private readonly KeywordAutomaton _keywords;

    // For each keyword, the rules it enables; rules without keywords always run.
    private readonly int[][] _rulesByKeyword;
    private readonly int[] _unconditionalRules;
    private readonly bool _preferSpecificRules;
    private long _timeouts;

    /// <summary>Compiles every rule; a bad regex throws <see cref="SecretRulesException"/> naming the rule and where it is defined.</summary>
    public SecretDetector(SecretRuleSet rules)
        : this(rules, SecretDetectorOptions.Default)
    {
    }

    /// <summary>As above with options (match timeout, generic-rule precedence).</summary>
    public SecretDetector(SecretRuleSet rules, SecretDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        RuleSet = rules;
        _preferSpecificRules = options.PreferSpecificRules;
        var matchTimeout = options.MatchTimeout;
        _rules = [.. rules.Rules.Select(r => new CompiledRule(r, (pattern, what, at) => Compile(r.Id, pattern, what, at, matchTimeout)))];
        _allowlists = [.. rules.Allowlists.Select(a => new CompiledAllowlist(a, (pattern, what) => Compile(null, pattern, what, a.DefinedAt, matchTimeout)))];

        var keywords = new List<string>();
        var keywordIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var byKeyword = new List<List<int>>();
        var unconditional = new List<int>();
        for (var r = 0; r < rules.Rules.Length; r++)
        {
            var ruleKeywords = rules.Rules[r].Keywords;
            if (ruleKeywords.IsDefaultOrEmpty)
            {
                unconditional.Add(r);
                continue;
            }

            foreach (var keyword in ruleKeywords.Select(k => k.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
            {
                if (!keywordIndex.TryGetValue(keyword, out var k))
                {
                    k = keywords.Count;
                    keywordIndex.Add(keyword, k);
                    keywords.Add(keyword);
                    byKeyword.Add([]);
                }

                byKeyword[k].Add(r);
            }
        }

        _keywords = new KeywordAutomaton(keywords);
        _rulesByKeyword = [.. byKeyword.Select(l => l.ToArray())];
        _unconditionalRules = [.. unconditional];
    }

    public SecretRuleSet RuleSet { get; }

    /// <summary>Regex evaluations abandoned at the timeout since this detector was built.</summary>
    public long TimedOutMatches => Interlocked.Read(ref _timeouts);

    public IReadOnlyList<SecretMatch> Detect(SecretFragment fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var path = fragment.Path;
        foreach (var allowlist in _allowlists)
        {
            if (allowlist.AllowsFragment(path, fragment.Commit))
            {
                return [];
            }
        }

        var content = fragment.Content;
        var run = SelectRules(content);
        List<SecretMatch>? found = null;
        List<bool>? generic = null;
        LineIndex? lines = null;
        for (var r = 0; r < run.Length; r++)
        {
            if (run[r])
            {
                DetectRule(_rules[r], fragment, ref lines, ref found, ref generic);
            }
        }

        return found is null ? [] : _preferSpecificRules ? DropGenericDuplicates(found, generic!) : found;
    }

    private bool[] SelectRules(string content)
    {
        var run = new bool[_rules.Length];
        foreach (var r in _unconditionalRules)
        {
            run[r] = true;
        }

        if (_keywords.KeywordCount > 0)
        {
            var hits = _keywords.KeywordCount <= 512 ? stackalloc bool[_keywords.KeywordCount] : new bool[_keywords.KeywordCount];
            _keywords.Scan(content, hits);
            for (var k = 0; k < hits.Length; k++)
            {
                if (hits[k])
                {
                    foreach (var r in _rulesByKeyword[k])
                    {
                        run[r] = true;
                    }
                }
            }
        }

        return run;
    }

    private void DetectRule(CompiledRule rule, SecretFragment fragment, ref LineIndex? lines, ref List<SecretMatch>? found, ref List<bool>? generic)
    {
        var path = fragment.Path;
        foreach (var allowlist in rule.Allowlists)
        {
            if (allowlist.AllowsFragment(path, fragment.Commit))
            {
                return;
            }
        }

        if (rule.Path is not null)
        {
            var pathMatches = rule.Path.IsMatch(path);
            if (rule.Regex is null)
            {
                if (pathMatches)
                {
                    Add(ref found, ref generic, rule, new SecretMatch(rule.Id, string.Empty, "file detected: " + path, 0, 0, string.Empty) { Description = rule.Description });
                }

                return;
            }

            if (!pathMatches)
            {
                return;
            }
        }

        if (rule.Regex is null)
        {
            return;
        }

        var content = fragment.Content;
        Match match;
        try
        {
            match = rule.Regex.Regex.Match(content);
        }
        catch (RegexMatchTimeoutException)
        {
            Interlocked.Increment(ref _timeouts);
            return;
        }

        while (match.Success)
        {
            var candidate = Evaluate(rule, fragment, match, ref lines);
            if (candidate is not null)
            {
                Add(ref found, ref generic, rule, candidate);
            }

            try
            {
                match = match.NextMatch();
            }
            catch (RegexMatchTimeoutException)
            {
                Interlocked.Increment(ref _timeouts);
                return;
            }
        }
    }

    private SecretMatch? Evaluate(CompiledRule rule, SecretFragment fragment, Match match, ref LineIndex? lines)
    {
        var content = fragment.Content;

        // As gitleaks: newlines at either end of a match are not part of it.
        var start = match.Index;
        var end = match.Index + match.Length;
        while (start < end && content[start] == '\n')
        {
            start++;
        }

        while (end > start && content[end - 1] == '\n')
        {
            end--;
        }

        if (start == end)
        {
            return null;
        }

        lines ??= new LineIndex(content);
        var (line, column, lineStart) = lines.Locate(start);
        var lineEnd = lines.EndOfLine(end > start ? end - 1 : end);
        var lineText = content[lineStart..lineEnd];
        foreach (var marker in InlineMarkers)
        {
            if (lineText.Contains(marker, StringComparison.Ordinal))
            {
                return null;
            }
        }

        var matchText = content[start..end];
        var secret = ExtractSecret(rule, matchText);
        if (secret is null)
        {
            return null;
        }

        var entropy = ShannonEntropy.Of(secret);
        if (rule.Entropy != 0 && entropy <= rule.Entropy)
        {
            return null;
        }

        foreach (var allowlist in _allowlists)
        {
            if (allowlist.AllowsFinding(secret, matchText, lineText, fragment.Path, fragment.Commit))
            {
                return null;
            }
        }

        foreach (var allowlist in rule.Allowlists)
        {
            if (allowlist.AllowsFinding(secret, matchText, lineText, fragment.Path, fragment.Commit))
            {
                return null;
            }
        }

        return new SecretMatch(rule.Id, secret, matchText, line, column, lineText) { Description = rule.Description, Entropy = entropy };
    }

    /// <summary>
    /// gitleaks reads groups by matching the regex again on the match text alone (anchors such as
    /// <c>^</c> then hold at its start); so does this, for configs to behave the same.
    /// </summary>
    private string? ExtractSecret(CompiledRule rule, string matchText)
    {
        var regex = rule.Regex!.Regex;
        Match groups;
        try
        {
            groups = regex.Match(matchText);
        }
        catch (RegexMatchTimeoutException)
        {
            Interlocked.Increment(ref _timeouts);
            return null;
        }

        if (!groups.Success || groups.Groups.Count < 2)
        {
            return matchText;
        }

        if (rule.SecretGroup > 0)
        {
            return groups.Groups[rule.SecretGroup].Value;
        }

        for (var g = 1; g < groups.Groups.Count; g++)
        {
            if (groups.Groups[g].Length > 0)
            {
                return groups.Groups[g].Value;
            }
        }

        return matchText;
    }

    private static void Add(ref List<SecretMatch>? found, ref List<bool>? generic, CompiledRule rule, SecretMatch match)
    {
        (found ??= []).Add(match);
        (generic ??= []).Add(rule.IsGeneric);
    }

    /// <summary>A generic rule's finding is dropped when a specific rule found a secret containing it on the same line.</summary>
    private static List<SecretMatch> DropGenericDuplicates(List<SecretMatch> found, List<bool> generic)
    {
        if (!generic.Contains(true))
        {
            return found;
        }

        var kept = new List<SecretMatch>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var f = found[i];
            var drop = false;
            if (generic[i])
            {
                for (var j = 0; j < found.Count && !drop; j++)
                {
                    var other = found[j];
                    drop = !generic[j] && other.Line == f.Line && other.RuleId != f.RuleId
                        && other.Secret.Contains(f.Secret, StringComparison.Ordinal);
                }
            }

            if (!drop)
            {
                kept.Add(f);
            }
        }

        return kept;
    }

    private static RuleRegex Compile(string? ruleId, string pattern, string what, RuleLocation? at, TimeSpan timeout)
    {
        try
        {
            return new RuleRegex(pattern, timeout);
        }
        catch (ArgumentException e)
        {
            var owner = ruleId is null ? "global allowlist" : $"rule '{ruleId}'";
            throw new SecretRulesException(
                $"{owner}: {what} does not compile: {e.Message}",
                at?.File,
                at?.Line ?? 0,
                at?.Column ?? 0,
                "rule regexes use Go RE2 syntax (no lookarounds or backreferences)");
        }
    }
}
