namespace Airlock.Rollouts.Metrics.Prometheus;

/// <summary>A parsed scrape and when it was taken.</summary>
internal sealed record TimedScrape(DateTimeOffset At, PrometheusScrape Scrape);
