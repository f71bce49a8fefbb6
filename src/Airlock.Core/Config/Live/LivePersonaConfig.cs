using System.Collections.Immutable;

namespace Airlock.Core.Config.Live;

/// <summary>Row 6: adversarial messages that must be refused, and the canary that must never come back.</summary>
public sealed record LivePersonaConfig
{
    /// <summary>The team's own attack messages; empty means Airlock's shipped set.</summary>
    public ImmutableArray<string> Messages { get; init; } = [];

    /// <summary>JSON path that is <c>true</c> in a refusal.</summary>
    public string RefusedField { get; init; } = "refused";

    /// <summary>The system prompt's canary, if the team configures a fixed one.</summary>
    public string? Canary { get; init; }

    /// <summary>An environment variable of the check run holding the canary.</summary>
    public string CanaryEnv { get; init; } = "Agent__Canary";
}
