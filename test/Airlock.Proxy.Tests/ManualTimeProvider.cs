namespace Airlock.Proxy.Tests;

/// <summary>
/// A clock the test moves by hand; only wall-clock reads are faked (timers are the system's, so tests give them long
/// due times and read states that depend on the clock instead).
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
