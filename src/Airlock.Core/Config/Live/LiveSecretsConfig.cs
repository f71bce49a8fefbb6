using System.Collections.Immutable;

namespace Airlock.Core.Config.Live;

/// <summary>Row 12: secret values that must never appear in a probe's response.</summary>
public sealed record LiveSecretsConfig
{
    /// <summary>Environment variables of the check run whose values are secrets.</summary>
    public ImmutableArray<string> Names { get; init; } =
    [
        "OPENAI_API_KEY",
        "ANTHROPIC_API_KEY",
        "Model__ApiKey",
        "Agent__Canary",
    ];

    /// <summary>Also every variable whose name ends with one of these (API_KEY, TOKEN, SECRET, PASSWORD).</summary>
    public bool NameSuffixes { get; init; } = true;
}
