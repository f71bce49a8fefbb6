using Airlock.Readiness.Secrets.Rules;

namespace Airlock.Readiness.Secrets.Engine;

/// <summary>A rule with its regexes compiled.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(SecretRule rule, Func<string, string, RuleLocation?, RuleRegex> compile)
    {
        Id = rule.Id;
        Description = rule.Description;
        SecretGroup = rule.SecretGroup;
        Entropy = rule.Entropy ?? 0;
        IsGeneric = rule.Id.Contains("generic", StringComparison.OrdinalIgnoreCase);
        Regex = rule.Regex is null ? null : compile(rule.Regex, "regex", rule.RegexDefinedAt ?? rule.DefinedAt);
        Path = rule.Path is null ? null : compile(rule.Path, "path", rule.DefinedAt);
        Allowlists = [.. rule.Allowlists.Select(a => new CompiledAllowlist(a, (p, what) => compile(p, what, a.DefinedAt ?? rule.DefinedAt)))];
        if (Regex is not null && SecretGroup > 0 && SecretGroup > Regex.GroupCount)
        {
            var at = rule.RegexDefinedAt ?? rule.DefinedAt;
            throw new SecretRulesException(
                $"rule '{rule.Id}': secretGroup {SecretGroup} but the regex has only {Regex.GroupCount} capture group(s)",
                at?.File,
                at?.Line ?? 0,
                at?.Column ?? 0,
                "secretGroup counts opening parentheses of capturing groups from 1");
        }
    }

    public string Id { get; }

    public string? Description { get; }

    public RuleRegex? Regex { get; }

    public RuleRegex? Path { get; }

    public int SecretGroup { get; }

    /// <summary>0 means no threshold (as in gitleaks).</summary>
    public double Entropy { get; }

    /// <summary>gitleaks drops a "generic" rule's finding when a specific rule found the same secret on the same line.</summary>
    public bool IsGeneric { get; }

    public CompiledAllowlist[] Allowlists { get; }
}
