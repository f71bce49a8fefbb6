using Airlock.Core.Deployment;
using Airlock.Rollouts.Dashboard;

namespace Airlock.Rollouts.Tests.Dashboard;

public sealed class SeriesBufferTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_MoreThanCapacity_KeepsTheNewestOfEachRevision()
    {
        var buffer = new SeriesBuffer(3, []);

        buffer.Append(Enumerable.Range(0, 5).Select(i => Point(i, "v1")));
        buffer.Append([Point(5, "v2")]);

        var points = buffer.Since(null);
        Assert.Equal(4, buffer.Count);
        Assert.Equal([2, 3, 4], points.Where(p => p.Revision == "v1").Select(p => (int)(p.At - Start).TotalSeconds));
        Assert.Single(points, p => p.Revision == "v2");
    }

    [Fact]
    public void Since_ATime_ReturnsOnlyLaterPointsOldestFirst()
    {
        var buffer = new SeriesBuffer(SeriesBuffer.DefaultCapacity, []);
        buffer.Append([Point(2, "v2"), Point(1, "v1"), Point(3, "v1")]);

        var points = buffer.Since(Start.AddSeconds(1));

        Assert.Equal([2, 3], points.Select(p => (int)(p.At - Start).TotalSeconds));
    }

    [Fact]
    public async Task WaitForAppend_ThenAppend_Completes()
    {
        var buffer = new SeriesBuffer(10, []);
        var waiting = buffer.WaitForAppendAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        buffer.Append([Point(0, "v1")]);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void ThresholdsOf_DefaultRollbackAndARelativeOne_DrawsOnlyAbsoluteChartableOnes()
    {
        var analysis = new AnalysisSpec
        {
            Rollback =
            [
                .. AnalysisSpec.DefaultRollback,
                new RolloutCondition(ConditionMetric.LatencyP95, null, ConditionOperator.GreaterThan, new ConditionThreshold(0.5, false), TimeSpan.FromMinutes(1), default, "p95 > 500ms over 1m"),
                new RolloutCondition(ConditionMetric.CostPerRequest, null, ConditionOperator.GreaterThan, new ConditionThreshold(1.5, true), TimeSpan.FromMinutes(1), default, "cost_per_request > 1.5x stable"),
            ],
        };

        var thresholds = SeriesBuffer.ThresholdsOf(analysis);

        Assert.Equal(
            [new SeriesThreshold("errorRate", 0.05, "error_rate > 5% over 30s"), new SeriesThreshold("p95", 0.5, "p95 > 500ms over 1m")],
            thresholds.ToArray());
    }

    private static SeriesPoint Point(int second, string revision) =>
        new(Start.AddSeconds(second), revision, "stable", 10, 1, 0, 0.01, 0.02, 0.03, null, null, null);
}
