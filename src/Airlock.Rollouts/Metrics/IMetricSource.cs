namespace Airlock.Rollouts.Metrics;

/// <summary>
/// Windowed values per revision. Implementations: the proxy's telemetry windows, Prometheus text scraped from a
/// revision's <c>/metrics</c>, a Prometheus server's HTTP API.
/// </summary>
public interface IMetricSource
{
    Task<IReadOnlyList<RevisionWindow>> ReadAsync(string route, TimeSpan window, CancellationToken cancellationToken);
}
