using System.Collections.Immutable;
using Airlock.Rollouts.Metrics;

namespace Airlock.Rollouts.Tests.Dashboard;

/// <summary>A metric source that answers what the test last set: the narrow seam between the sampler and the proxy.</summary>
internal sealed class ScriptedMetrics : IMetricSource
{
    private IReadOnlyList<RevisionWindow> _windows = [];

    public int Reads { get; private set; }

    public bool Broken { get; set; }

    public void Set(params RevisionWindow[] windows) => _windows = windows;

    public Task<IReadOnlyList<RevisionWindow>> ReadAsync(string route, TimeSpan window, CancellationToken cancellationToken)
    {
        Reads++;
        return Broken ? throw new HttpRequestException("connection refused") : Task.FromResult(_windows);
    }

    public static RevisionWindow Window(string revision, long requests, long errors, double p95Seconds, double? costPerRequest = null)
    {
        var signals = costPerRequest is { } cost
            ? ImmutableDictionary<string, double>.Empty.Add(AppSignalNames.CostPerRequest, cost)
            : ImmutableDictionary<string, double>.Empty;
        return new RevisionWindow(revision, TimeSpan.FromSeconds(10), requests, errors, 0,
            new QuantileSet(requests, p95Seconds / 2, p95Seconds, p95Seconds * 1.5, p95Seconds * 2), QuantileSet.Empty,
            ImmutableDictionary<string, long>.Empty, signals);
    }
}
