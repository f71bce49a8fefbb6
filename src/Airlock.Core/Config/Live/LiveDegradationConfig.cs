using System.Collections.Immutable;

namespace Airlock.Core.Config.Live;

/// <summary>Row 5: messages whose turns call tools; each must end in words, never a hang or a 5xx.</summary>
public sealed record LiveDegradationConfig
{
    public ImmutableArray<string> Messages { get; init; } =
    [
        "What time is it in Tokyo?",
        "How do I get started with the chat widget?",
    ];

    /// <summary>The readiness fields (JSON paths in the ready response) that say a degradation switch is on.</summary>
    public ImmutableArray<string> Switches { get; init; } =
    [
        "checks.faults.toolTimeout",
        "checks.faults.upstreamGarbage",
    ];
}
