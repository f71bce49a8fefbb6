using System.Collections.Immutable;

namespace Airlock.Readiness.Secrets.Rules;

/// <summary>
/// Conditions under which a finding is not reported. Within one allowlist the kinds of condition
/// are combined by <see cref="Condition"/>; the entries of one kind match if any matches.
/// </summary>
public sealed record SecretAllowlist
{
    public string? Description { get; init; }

    public AllowlistCondition Condition { get; init; } = AllowlistCondition.Or;

    /// <summary>Commit ids (full or prefix) whose findings are allowed.</summary>
    public ImmutableArray<string> Commits { get; init; } = [];

    /// <summary>Path regexes.</summary>
    public ImmutableArray<string> Paths { get; init; } = [];

    /// <summary>Regexes tested against <see cref="RegexTarget"/>.</summary>
    public ImmutableArray<string> Regexes { get; init; } = [];

    public AllowlistRegexTarget RegexTarget { get; init; } = AllowlistRegexTarget.Secret;

    /// <summary>Words that, contained in the secret (case-insensitive), allow it.</summary>
    public ImmutableArray<string> StopWords { get; init; } = [];

    /// <summary>Where the allowlist's table starts, for errors.</summary>
    public RuleLocation? DefinedAt { get; init; }
}
