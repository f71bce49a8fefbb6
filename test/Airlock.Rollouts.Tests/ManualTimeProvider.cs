namespace Airlock.Rollouts.Tests;

/// <summary>A clock that moves only when told (no timers needed by the code under test here).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
