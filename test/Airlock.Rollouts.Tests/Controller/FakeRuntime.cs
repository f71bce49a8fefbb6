using System.Collections.Concurrent;
using Airlock.Rollouts.Runtime;

namespace Airlock.Rollouts.Tests.Controller;

/// <summary>
/// The runtime seam: each "revision" is a real <see cref="RevisionServer"/> on loopback instead of a child process,
/// so health checks and probes are real HTTP. Shared by two engines to act out a controller restart.
/// </summary>
internal sealed class FakeRuntime(TimeProvider time) : IRevisionRuntime, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Running> _running = new(StringComparer.Ordinal);
    private int _nextPid = 1000;

    public ConcurrentQueue<string> Started { get; } = new();

    public ConcurrentQueue<string> Stopped { get; } = new();

    public HashSet<string> FailHealth { get; } = new(StringComparer.Ordinal);

    /// <summary>Revisions started with a broken known-bad-input answer (verification fails).</summary>
    public HashSet<string> BreakKnownBadInput { get; } = new(StringComparer.Ordinal);

    public RevisionServer Server(string revision) => _running[revision].Server;

    public bool IsRunning(string revision) => _running.ContainsKey(revision);

    public async Task<RevisionInstance> StartAsync(RevisionLaunch launch, CancellationToken cancellationToken)
    {
        var server = await RevisionServer.StartAsync();
        server.BreakKnownBadInput = BreakKnownBadInput.Contains(launch.Revision);
        var exited = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var instance = new RevisionInstance(launch.Revision, Interlocked.Increment(ref _nextPid), 42, server.Port, server.Url, time.GetUtcNow(), "logs", exited.Task);
        _running[launch.Revision] = new Running(server, instance, exited);
        Started.Enqueue(launch.Revision);
        return instance;
    }

    public Task<HealthResult> WaitHealthyAsync(RevisionInstance instance, CancellationToken cancellationToken) =>
        Task.FromResult(FailHealth.Contains(instance.Revision)
            ? new HealthResult(false, "GET /health/ready answered 503 for 60 s", 503, TimeSpan.FromSeconds(60))
            : new HealthResult(true, "GET /health/ready answered 200", 200, TimeSpan.FromSeconds(1)));

    public async Task StopAsync(RevisionInstance instance, CancellationToken cancellationToken)
    {
        if (_running.TryRemove(instance.Revision, out var running))
        {
            await running.Server.DisposeAsync();
            running.Exited.TrySetResult(0);
            Stopped.Enqueue(instance.Revision);
        }
    }

    public RevisionInstance? Reattach(RevisionInstanceRecord record) =>
        _running.TryGetValue(record.Revision, out var running) && running.Instance.Pid == record.Pid ? running.Instance : null;

    /// <summary>The revision's process dies on its own.</summary>
    public void Crash(string revision) => _running[revision].Exited.TrySetResult(139);

    public async ValueTask DisposeAsync()
    {
        foreach (var running in _running.Values)
        {
            await running.Server.DisposeAsync();
        }
    }

    private sealed record Running(RevisionServer Server, RevisionInstance Instance, TaskCompletionSource<int?> Exited);
}
