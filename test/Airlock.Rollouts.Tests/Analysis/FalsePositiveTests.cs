using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;
using Xunit.Abstractions;
using static Airlock.Rollouts.Tests.Analysis.JudgeFixtures;

namespace Airlock.Rollouts.Tests.Analysis;

/// <summary>
/// Seeded simulations of whole analyses: a healthy canary (the same error rate as stable) must almost never fail,
/// and a clear fault must always fail. Windows are drawn as a 5% canary of 1,200 requests (200 req/s for 6 s).
/// </summary>
public sealed class FalsePositiveTests(ITestOutputHelper output)
{
    private const int Trials = 2000;

    /// <summary>At most this share of healthy analyses may fail (the tests' own p &lt; 0.001 makes the expected share far lower).</summary>
    private const double MaxFalseFailShare = 0.005;

    private readonly RolloutJudge _judge = new();

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.02)]
    [InlineData(0.045)]
    public void Judge_HealthyCanarySameRateAsStable_RarelyFails(double errorRate)
    {
        var random = new Random(4242);
        var analysis = AnalysisOf(30, Condition(ConditionMetric.ErrorRate, 0.05), Condition(ConditionMetric.ErrorRate, 1.5, relative: true));
        var counts = new Dictionary<VerdictKind, int>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var canaryRequests = 30 + random.Next(60);
            var stableRequests = canaryRequests * 19;
            var verdict = _judge.Judge(analysis, "v3", "v2", ByWindow(
                Window("v3", canaryRequests, Draw(random, canaryRequests, errorRate)),
                Window("v2", stableRequests, Draw(random, stableRequests, errorRate))), DateTimeOffset.UnixEpoch);
            counts[verdict.Overall] = counts.GetValueOrDefault(verdict.Overall) + 1;
        }

        var failShare = (double)counts.GetValueOrDefault(VerdictKind.Fail) / Trials;
        output.WriteLine($"error rate {errorRate:P1}: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")) + $" of {Trials}");
        Assert.True(failShare <= MaxFalseFailShare, $"a healthy canary failed {failShare:P2} of analyses");
    }

    [Theory]
    [InlineData(30)]
    [InlineData(45)]
    [InlineData(60)]
    public void Judge_HalfOfRequestsFailing_AlwaysFails(int canaryRequests)
    {
        var random = new Random(7);
        var analysis = AnalysisOf(30, Condition(ConditionMetric.ErrorRate, 0.05), Condition(ConditionMetric.ErrorRate, 1.5, relative: true));
        var fails = 0;
        for (var trial = 0; trial < 500; trial++)
        {
            var verdict = _judge.Judge(analysis, "v3", "v2", ByWindow(
                Window("v3", canaryRequests, Draw(random, canaryRequests, 0.5)),
                Window("v2", canaryRequests * 19, Draw(random, canaryRequests * 19, 0.01))), DateTimeOffset.UnixEpoch);
            fails += verdict.Overall == VerdictKind.Fail ? 1 : 0;
        }

        output.WriteLine($"n={canaryRequests}: {fails} of 500 failed");
        Assert.Equal(500, fails);
    }

    private static long Draw(Random random, long trials, double probability)
    {
        long successes = 0;
        for (var i = 0; i < trials; i++)
        {
            successes += random.NextDouble() < probability ? 1 : 0;
        }

        return successes;
    }
}
