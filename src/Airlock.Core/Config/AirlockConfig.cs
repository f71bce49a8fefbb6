using System.Collections.Immutable;
using Airlock.Core.Config.Live;
using Airlock.Core.Deployment;

namespace Airlock.Core.Config;

/// <summary>
/// The parsed <c>airlock.yaml</c>: every section is optional, and an absent file means all defaults.
/// Immutable once loaded.
/// </summary>
public sealed record AirlockConfig
{
    /// <summary>The file this was read from, or null for the embedded defaults.</summary>
    public string? SourcePath { get; init; }

    public OwnersConfig Owners { get; init; } = new();

    public TargetConfig Target { get; init; } = new();

    public EnvironmentConfig Environment { get; init; } = new();

    public ThresholdsConfig Thresholds { get; init; } = new();

    public SecretsConfig Secrets { get; init; } = new();

    public ImmutableArray<CustomCheckConfig> Checks { get; init; } = [];

    /// <summary>How <c>airlock check --live URL</c> probes a running revision.</summary>
    public LiveConfig Live { get; init; } = new();

    /// <summary>The deployment description; null when airlock.yaml has no <c>service</c> section.</summary>
    public DeploymentSpec? Deployment { get; init; }

    public static AirlockConfig Default { get; } = new();
}
