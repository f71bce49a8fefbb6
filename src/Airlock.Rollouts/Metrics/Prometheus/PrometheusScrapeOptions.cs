namespace Airlock.Rollouts.Metrics.Prometheus;

/// <summary>How revisions' <c>/metrics</c> are scraped and how much history is kept for window deltas.</summary>
internal sealed record PrometheusScrapeOptions
{
    public string MetricsPath { get; init; } = "/metrics";

    /// <summary>Reads closer together than this reuse the last scrape (one analysis pass reads several windows).</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromMilliseconds(900);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest window asked for (conditions allow 15m); older scrapes are dropped.</summary>
    public TimeSpan History { get; init; } = TimeSpan.FromMinutes(15);
}
