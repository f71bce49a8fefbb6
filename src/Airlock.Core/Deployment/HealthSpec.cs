namespace Airlock.Core.Deployment;

/// <summary>The health gate a started revision must pass before anything else happens to it.</summary>
public sealed record HealthSpec
{
    public string Path { get; init; } = "/health/ready";

    /// <summary>How long a revision may take from start to its first healthy answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(500);
}
