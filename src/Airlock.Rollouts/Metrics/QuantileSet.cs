namespace Airlock.Rollouts.Metrics;

/// <summary>Latency quantiles in seconds from a log-bucketed sketch (1% relative error); null without samples.</summary>
public sealed record QuantileSet(long Count, double? P50, double? P95, double? P99, double? Max)
{
    public static QuantileSet Empty { get; } = new(0, null, null, null, null);
}
