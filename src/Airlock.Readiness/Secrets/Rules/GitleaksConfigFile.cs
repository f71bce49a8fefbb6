using System.Collections.Immutable;

namespace Airlock.Readiness.Secrets.Rules;

/// <summary>One gitleaks-format file as written, before its <c>[extend]</c> is resolved.</summary>
internal sealed record GitleaksConfigFile
{
    public required string File { get; init; }

    public ImmutableArray<SecretRule> Rules { get; init; } = [];

    public ImmutableArray<SecretAllowlist> Allowlists { get; init; } = [];

    /// <summary>Global <c>[[allowlists]]</c> with <c>targetRules</c>: they join those rules' allowlists.</summary>
    public ImmutableArray<(SecretAllowlist Allowlist, ImmutableArray<string> RuleIds)> TargetedAllowlists { get; init; } = [];

    public GitleaksExtend? Extend { get; init; }
}
