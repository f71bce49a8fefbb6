namespace Airlock.Core.Config.Live;

/// <summary>Row 1: liveness and readiness paths.</summary>
public sealed record LiveHealthConfig
{
    public string Live { get; init; } = "/health/live";

    public string Ready { get; init; } = "/health/ready";
}
