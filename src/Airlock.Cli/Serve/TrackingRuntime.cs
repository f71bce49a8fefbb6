using System.Collections.Concurrent;
using Airlock.Rollouts.Runtime;

namespace Airlock.Cli.Serve;

/// <summary>
/// The runtime seam with a memory of every process it started (revisions and the detached proxy), so a caller that
/// owns the whole lifetime (<c>airlock demo</c>) can stop each one by its own pid: the proxy's pid is kept nowhere else.
/// </summary>
internal sealed class TrackingRuntime(IRevisionRuntime inner) : IRevisionRuntime
{
    private readonly ConcurrentQueue<RevisionInstance> _started = new();

    public IReadOnlyCollection<RevisionInstance> Started => _started;

    public async Task<RevisionInstance> StartAsync(RevisionLaunch launch, CancellationToken cancellationToken)
    {
        var instance = await inner.StartAsync(launch, cancellationToken);
        _started.Enqueue(instance);
        return instance;
    }

    public Task<HealthResult> WaitHealthyAsync(RevisionInstance instance, CancellationToken cancellationToken) =>
        inner.WaitHealthyAsync(instance, cancellationToken);

    public Task StopAsync(RevisionInstance instance, CancellationToken cancellationToken) => inner.StopAsync(instance, cancellationToken);

    public RevisionInstance? Reattach(RevisionInstanceRecord record)
    {
        var instance = inner.Reattach(record);
        if (instance is not null)
        {
            _started.Enqueue(instance);
        }

        return instance;
    }

    /// <summary>Stops every process started or re-attached through here that still runs (already-stopped ones are skipped by the runtime).</summary>
    public async Task StopAllAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_started.Select(instance => inner.StopAsync(instance, cancellationToken)));
    }
}
