using Airlock.Proxy.Telemetry;

namespace Airlock.Proxy.Tests.Telemetry;

public sealed class RevisionWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Query_LastTwoMinutes_CountsOnlyRequestsThatEndedInThem()
    {
        var clock = new ManualTimeProvider(Start);
        var window = new RevisionWindow(clock);
        window.Record(RequestOutcome.ServerError, 0, 0.5, 0.1);
        clock.Advance(TimeSpan.FromSeconds(90));
        window.Record(RequestOutcome.Success, -1, 0.01, 0.005);
        window.Record(RequestOutcome.TransportFailure, 1, null, null);
        clock.Advance(TimeSpan.FromSeconds(60));

        var lastTwo = window.Query(120, clock.GetUtcNow());
        var lastThree = window.Query(180, clock.GetUtcNow());

        Assert.Equal(2, lastTwo.Requests);
        Assert.Equal(1, lastTwo.Errors);
        Assert.Equal(0.5, lastTwo.ErrorRate);
        Assert.Equal(1, lastTwo.Latency.Count);
        Assert.Equal([0L, 1L], lastTwo.Fingerprints[..2]);
        Assert.Equal(3, lastThree.Requests);
        Assert.Equal(2, lastThree.Errors);
        Assert.Equal(2, lastThree.Latency.Count);
        Assert.Equal([1L, 1L], lastThree.Fingerprints[..2]);
    }

    [Fact]
    public void Query_NothingInTheWindow_ErrorRateIsNullNotZero()
    {
        var clock = new ManualTimeProvider(Start);
        var window = new RevisionWindow(clock);
        window.Record(RequestOutcome.Success, -1, 0.01, 0.01);
        clock.Advance(TimeSpan.FromMinutes(5));

        var totals = window.Query(60, clock.GetUtcNow());

        Assert.Equal(0, totals.Requests);
        Assert.Null(totals.ErrorRate);
        Assert.Equal(0, totals.Latency.Count);
    }

    [Fact]
    public void Record_FifteenMinutesLater_ReplacesTheSlotInsteadOfAddingToIt()
    {
        var clock = new ManualTimeProvider(Start);
        var window = new RevisionWindow(clock);
        for (var i = 0; i < 5; i++)
        {
            window.Record(RequestOutcome.ServerError, 0, 1.0, 1.0);
        }

        // The same ring slot (900 seconds and 91 ten-second slots later), now holding a new second.
        clock.Advance(TimeSpan.FromSeconds(RevisionWindow.Seconds * RevisionWindow.SketchSlots));
        window.Record(RequestOutcome.Success, -1, 0.002, 0.001);

        var totals = window.Query(RevisionWindow.Seconds, clock.GetUtcNow());
        Assert.Equal(1, totals.Requests);
        Assert.Equal(0, totals.Errors);
        Assert.Equal(1, totals.Latency.Count);
        Assert.Equal(0.002, totals.Latency.Max);
    }

    [Fact]
    public void Query_FullWindow_QuantilesWithinOnePercentOfExact()
    {
        var clock = new ManualTimeProvider(Start);
        var window = new RevisionWindow(clock);
        var random = new Random(7);
        var values = new List<double>();
        for (var second = 0; second < RevisionWindow.Seconds; second++)
        {
            for (var i = 0; i < 20; i++)
            {
                var value = Math.Exp(random.NextDouble() * 10 - 8);
                values.Add(value);
                window.Record(RequestOutcome.Success, -1, value, value / 2);
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        // The query ends at the last second that has samples.
        var totals = window.Query(RevisionWindow.Seconds, clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        values.Sort();
        Assert.Equal(values.Count, totals.Requests);
        Assert.Equal(values.Count, totals.Latency.Count);
        foreach (var q in new[] { 0.5, 0.95, 0.99 })
        {
            var exact = values[(int)Math.Floor(q * (values.Count - 1))];
            Assert.InRange(totals.Latency.Quantile(q), exact * 0.99, exact * 1.01);
        }

        Assert.Equal(values[^1], totals.Latency.Max);
        Assert.InRange(totals.Latency.Sum, values.Sum() * 0.999999, values.Sum() * 1.000001);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(901)]
    public void Query_LengthOutsideOneSecondToFifteenMinutes_Throws(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RevisionWindow(TimeProvider.System).Query(seconds, DateTimeOffset.UtcNow));

    [Fact]
    public async Task Record_ConcurrentlyAcrossSecondBoundaries_LosesNoCount()
    {
        var clock = new ManualTimeProvider(Start);
        var window = new RevisionWindow(clock);
        const int PerTask = 20_000;
        var ticking = Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                Thread.Sleep(1);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < PerTask; i++)
            {
                window.Record(RequestOutcome.Success, -1, 0.01, 0.01);
            }
        })));
        await ticking;

        Assert.Equal(4 * PerTask, window.Query(RevisionWindow.Seconds, clock.GetUtcNow()).Requests);
    }

    [Fact]
    public void ReleaseIfIdle_OnlyAfterAWholeWindowWithoutRequests_AndRecordingResumes()
    {
        var clock = new ManualTimeProvider(Start);
        var window = new RevisionWindow(clock);
        window.Record(RequestOutcome.Success, -1, 0.01, 0.01);
        clock.Advance(TimeSpan.FromMinutes(14));
        var early = window.ReleaseIfIdle(clock.GetUtcNow());
        var kept = window.Query(RevisionWindow.Seconds, clock.GetUtcNow()).Requests;

        clock.Advance(TimeSpan.FromMinutes(2));
        var released = window.ReleaseIfIdle(clock.GetUtcNow());
        window.Record(RequestOutcome.ServerError, -1, 0.02, 0.02);

        Assert.False(early);
        Assert.Equal(1, kept);
        Assert.True(released);
        var totals = window.Query(60, clock.GetUtcNow());
        Assert.Equal(1, totals.Requests);
        Assert.Equal(1, totals.Errors);
    }
}
