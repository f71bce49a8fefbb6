namespace Airlock.Core.Config.Live;

/// <summary>Row 9: resident memory after startup and after a bounded load, read from the service's Prometheus text.</summary>
public sealed record LiveMemoryConfig
{
    public const long DefaultBudget = 512L * 1024 * 1024;

    public string Metrics { get; init; } = "/metrics";

    public string Metric { get; init; } = "process_resident_memory_bytes";

    public long Budget { get; init; } = DefaultBudget;

    /// <summary>Turns sent between the two readings.</summary>
    public int Load { get; init; } = 8;
}
