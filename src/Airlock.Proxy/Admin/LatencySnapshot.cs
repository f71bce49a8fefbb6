using Airlock.Proxy.Telemetry;

namespace Airlock.Proxy.Admin;

/// <summary>Quantiles of a <see cref="LatencySketch"/> in seconds; null when nothing was recorded.</summary>
internal sealed record LatencySnapshot(long Count, double? P50, double? P95, double? P99, double? Max)
{
    public static LatencySnapshot From(LatencySketch sketch)
    {
        ArgumentNullException.ThrowIfNull(sketch);
        return sketch.Count == 0
            ? new LatencySnapshot(0, null, null, null, null)
            : new LatencySnapshot(sketch.Count, sketch.Quantile(0.5), sketch.Quantile(0.95), sketch.Quantile(0.99), sketch.Max);
    }
}
