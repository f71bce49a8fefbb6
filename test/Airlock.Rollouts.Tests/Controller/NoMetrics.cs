using Airlock.Rollouts.Metrics;

namespace Airlock.Rollouts.Tests.Controller;

/// <summary>The metric seam with no figures: these tests script the judge instead; counts reads, can be broken.</summary>
internal sealed class NoMetrics : IMetricSource
{
    public int Reads { get; private set; }

    public bool Broken { get; set; }

    public Task<IReadOnlyList<RevisionWindow>> ReadAsync(string route, TimeSpan window, CancellationToken cancellationToken)
    {
        Reads++;
        return Broken ? throw new HttpRequestException("connection refused") : Task.FromResult<IReadOnlyList<RevisionWindow>>([]);
    }
}
