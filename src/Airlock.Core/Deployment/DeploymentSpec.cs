using System.Collections.Immutable;

namespace Airlock.Core.Deployment;

/// <summary>
/// The deployment description in <c>airlock.yaml</c> (sections <c>service</c>, <c>route</c>, <c>verify</c>,
/// <c>strategy</c>, <c>analysis</c>, <c>keepWarm</c>, <c>webhooks</c>, <c>store</c>). Null on
/// <see cref="Config.AirlockConfig.Deployment"/> when the file has no <c>service</c> section: the repository is then
/// only checked, never deployed.
/// </summary>
public sealed record DeploymentSpec
{
    public required ServiceSpec Service { get; init; }

    public RouteSpec Route { get; init; } = new();

    public ImmutableArray<VerifyProbeSpec> Verify { get; init; } = [];

    public StrategySpec Strategy { get; init; } = StrategySpec.Default;

    public AnalysisSpec Analysis { get; init; } = new();

    /// <summary>How long the previous stable keeps running after a promote, for an instant undo.</summary>
    public TimeSpan KeepWarm { get; init; } = TimeSpan.FromMinutes(5);

    public ImmutableArray<WebhookSpec> Webhooks { get; init; } = [];

    /// <summary>The SQLite file, absolute (resolved against the folder of airlock.yaml by the loader).</summary>
    public required string StorePath { get; init; }
}
