namespace Airlock.Proxy.Tests;

/// <summary>A clock the test moves by hand; only wall-clock reads are faked (no timers), which is all the affinity store uses.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
