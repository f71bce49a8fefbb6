using System.Collections.Immutable;

namespace Airlock.Readiness.Secrets.Rules;

/// <summary>A loaded rule configuration: rules plus allowlists that apply to every rule.</summary>
public sealed record SecretRuleSet
{
    /// <summary>Where the rules came from ("airlock default rules" or a file path).</summary>
    public required string Source { get; init; }

    public ImmutableArray<SecretRule> Rules { get; init; } = [];

    public ImmutableArray<SecretAllowlist> Allowlists { get; init; } = [];
}
