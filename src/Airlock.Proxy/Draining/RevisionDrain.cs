namespace Airlock.Proxy.Draining;

/// <summary>
/// The drain bookkeeping of one revision. <see cref="CutToken"/> is what every request to the revision registers on:
/// cancelling it at the bound aborts them all. Mutated under the tracker's lock; the token is read lock-free.
/// </summary>
internal sealed class RevisionDrain(string route, string revision) : IDisposable
{
    private CancellationTokenSource _cut = new();
    private long _cutCount;

    public string Route { get; } = route;

    public string Revision { get; } = revision;

    public CancellationToken CutToken => Volatile.Read(ref _cut).Token;

    public DateTimeOffset? Since { get; private set; }

    public DateTimeOffset? Deadline { get; private set; }

    public DateTimeOffset? DrainedAt { get; set; }

    public long CutCount => Interlocked.Read(ref _cutCount);

    public ITimer? Timer { get; private set; }

    public bool IsDraining => Since is not null;

    public void Begin(DateTimeOffset now, DateTimeOffset deadline, ITimer timer)
    {
        Since = now;
        Deadline = deadline;
        DrainedAt = null;
        Timer = timer;
    }

    /// <summary>Back in rotation: no deadline, and a fresh token if the old one was already cut.</summary>
    public void Resume()
    {
        Timer?.Dispose();
        Timer = null;
        Since = null;
        Deadline = null;
        DrainedAt = null;
        if (_cut.IsCancellationRequested)
        {
            var old = Interlocked.Exchange(ref _cut, new CancellationTokenSource());
            old.Dispose();
        }
    }

    /// <summary>Aborts every request registered on the token (their callbacks run here), counting the <paramref name="inFlight"/> cut.</summary>
    public void Cut(long inFlight)
    {
        Interlocked.Add(ref _cutCount, inFlight);
        _cut.Cancel();
    }

    public void Dispose()
    {
        Timer?.Dispose();
        _cut.Dispose();
    }
}
