using System.Collections.Immutable;

namespace Airlock.Core.Deployment;

/// <summary>Canary (weight steps) or blue-green (preview, then switch at once).</summary>
public sealed record StrategySpec
{
    public StrategyKind Kind { get; init; } = StrategyKind.Canary;

    /// <summary>Canary steps in order; empty for blue-green.</summary>
    public ImmutableArray<RolloutStepSpec> Steps { get; init; } = [];

    /// <summary>Blue-green: how long the preview is analysed before the switch.</summary>
    public TimeSpan Preview { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Blue-green: whether the switch waits for <c>airlock approve</c>.</summary>
    public bool PreviewApproval { get; init; }

    /// <summary>5% → 25% → 50%, 30 s of analysis each, then promote.</summary>
    public static StrategySpec Default { get; } = new()
    {
        Kind = StrategyKind.Canary,
        Steps =
        [
            new RolloutStepSpec.SetWeight(5), new RolloutStepSpec.Pause(TimeSpan.FromSeconds(30)),
            new RolloutStepSpec.SetWeight(25), new RolloutStepSpec.Pause(TimeSpan.FromSeconds(30)),
            new RolloutStepSpec.SetWeight(50), new RolloutStepSpec.Pause(TimeSpan.FromSeconds(30)),
        ],
    };
}
