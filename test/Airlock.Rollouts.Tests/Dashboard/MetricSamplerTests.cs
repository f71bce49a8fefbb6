using Airlock.Rollouts.Dashboard;
using Airlock.Rollouts.Tests.Controller;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Dashboard;

public sealed class MetricSamplerTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly EngineHarness _harness = new();
    private readonly ScriptedMetrics _metrics = new();
    private readonly SeriesBuffer _buffer = new(SeriesBuffer.DefaultCapacity, []);

    public Task InitializeAsync() => _harness.WithStableAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    [Fact]
    public async Task SampleOnce_StableAndCanary_OnePointEachWithRoleRateAndSignals()
    {
        await _harness.DeployAsync("v2");
        _metrics.Set(
            ScriptedMetrics.Window("v1", 80, 0, 0.02),
            ScriptedMetrics.Window("v2", 20, 10, 0.4, costPerRequest: 0.0031),
            ScriptedMetrics.Window("v0", 5, 0, 0.02));

        var appended = await Sampler(_harness.Clock).SampleOnceAsync(CancellationToken.None);

        Assert.Equal(2, appended);
        var points = _buffer.Since(null);
        var stable = Assert.Single(points, p => p.Role == "stable");
        var canary = Assert.Single(points, p => p.Role == "canary");
        Assert.Equal(("v1", 8.0, 0.0), (stable.Revision, stable.RequestRate, stable.ErrorRate!.Value));
        Assert.Equal(("v2", 2.0, 0.5, 0.4), (canary.Revision, canary.RequestRate, canary.ErrorRate!.Value, canary.P95!.Value));
        Assert.Equal(0.0031, canary.CostPerRequest);
        Assert.Null(stable.CostPerRequest);
        Assert.Equal(_harness.Clock.GetUtcNow(), canary.At);
    }

    [Fact]
    public async Task SampleOnce_SourceFails_AppendsNothingAndDoesNotThrow()
    {
        _metrics.Set(ScriptedMetrics.Window("v1", 80, 0, 0.02));
        _metrics.Broken = true;

        var appended = await Sampler(_harness.Clock).SampleOnceAsync(CancellationToken.None);

        Assert.Equal(0, appended);
        Assert.Equal(0, _buffer.Count);
        Assert.Equal(1, _metrics.Reads);
    }

    [Fact]
    public async Task Run_ClockMovesFiveIntervals_TakesOneSamplePerInterval()
    {
        var clock = new TimerClock(_harness.Clock.GetUtcNow());
        _metrics.Set(ScriptedMetrics.Window("v1", 80, 0, 0.02));
        using var stop = new CancellationTokenSource();
        var loop = Sampler(clock).RunAsync(stop.Token);
        await WaitUntilAsync(() => clock.PendingTimers == 1);
        Assert.Equal(1, _buffer.Count);

        for (var i = 0; i < 5; i++)
        {
            var before = _buffer.Count;
            clock.Advance(TimeSpan.FromSeconds(1));
            await WaitUntilAsync(() => _buffer.Count == before + 1 && clock.PendingTimers == 1);
        }

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
        var seconds = _buffer.Since(null).Select(p => (int)(p.At - _harness.Clock.GetUtcNow()).TotalSeconds);
        Assert.Equal([0, 1, 2, 3, 4, 5], seconds);
    }

    private MetricSampler Sampler(TimeProvider clock) =>
        new(_metrics, () => _harness.Engine.Snapshot, _buffer, TimeSpan.FromSeconds(1), clock, NullLogger.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Bounded in count, not in time: the loop runs on the thread pool between the clock's moves.
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }
}
