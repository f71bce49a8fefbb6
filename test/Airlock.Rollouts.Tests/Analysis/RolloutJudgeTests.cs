using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Metrics;
using static Airlock.Rollouts.Tests.Analysis.JudgeFixtures;

namespace Airlock.Rollouts.Tests.Analysis;

public sealed class RolloutJudgeTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private readonly RolloutJudge _judge = new();

    [Fact]
    public void Judge_ThreeErrorsInTwenty_InsufficientData()
    {
        var verdict = Judge(30, Condition(ConditionMetric.ErrorRate, 0.05), Window("v3", 20, 3), Window("v2", 400, 4));

        Assert.Equal(VerdictKind.InsufficientData, verdict.Overall);
        Assert.Contains("20 samples, 30 needed", verdict.Rollback[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ThreeErrorsInTwentyWithLowMinimum_DoesNotFail()
    {
        var verdict = Judge(10, Condition(ConditionMetric.ErrorRate, 0.05), Window("v3", 20, 3), Window("v2", 400, 4));

        Assert.Contains(verdict.Overall, new[] { VerdictKind.InsufficientData, VerdictKind.Inconclusive });
        Assert.InRange(verdict.Rollback[0].PValue!.Value, 0.001, 0.1);
    }

    [Fact]
    public void Judge_ThirtyErrorsInSixty_FailsWithFigures()
    {
        var verdict = Judge(30, Condition(ConditionMetric.ErrorRate, 0.05), Window("v3", 60, 30), Window("v2", 1140, 11));
        var condition = verdict.Rollback[0];

        Assert.Equal(VerdictKind.Fail, verdict.Overall);
        Assert.Equal(0.5, condition.CandidateValue);
        Assert.Equal(60, condition.CandidateSamples);
        Assert.Equal(1140, condition.StableSamples);
        Assert.Equal(30, condition.Statistic);
        Assert.True(condition.PValue < 1e-10);
        Assert.Contains("binomial", condition.Test, StringComparison.Ordinal);
        Assert.StartsWith("v3 error rate 50% over 30s (n=60) > 5%: rollback (exact binomial p=", condition.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_HealthyCanary_Passes()
    {
        var verdict = Judge(30, Condition(ConditionMetric.ErrorRate, 0.05), Window("v3", 100, 1), Window("v2", 1900, 20));

        Assert.Equal(VerdictKind.Pass, verdict.Overall);
        Assert.StartsWith("v3 error rate 1% over 30s (n=100) <= 5%: ok", verdict.Rollback[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_SlightlyAboveThresholdWithManySamples_Inconclusive()
    {
        // 28/400 = 7% against 5%: p ≈ 0.05, between the fail and the evidence levels, and n ≥ 4 x minSamples.
        var verdict = Judge(30, Condition(ConditionMetric.ErrorRate, 0.05), Window("v3", 400, 28), Window("v2", 4000, 40));

        Assert.Equal(VerdictKind.Inconclusive, verdict.Overall);
        Assert.Contains("not yet significantly", verdict.Rollback[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_LessThanCondition_FailsWhenRateIsSurelyBelow()
    {
        var verdict = Judge(30, Condition(ConditionMetric.ErrorRate, 0.5, op: ConditionOperator.LessThan), Window("v3", 200, 10), Window("v2", 200, 100));

        Assert.Equal(VerdictKind.Fail, verdict.Overall);
    }

    [Fact]
    public void Judge_RelativeErrorRateClearlyWorse_FailsByFisher()
    {
        var verdict = Judge(30, Condition(ConditionMetric.ErrorRate, 1.5, relative: true), Window("v3", 40, 12), Window("v2", 760, 15));
        var condition = verdict.Rollback[0];

        Assert.Equal(VerdictKind.Fail, condition.Kind);
        Assert.Contains("Fisher", condition.Test, StringComparison.Ordinal);
        Assert.Equal(15.0 / 760, condition.StableValue);
        Assert.Contains("> 1.5x stable 2% (n=760)", condition.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_RelativeWithFewStableSamples_InsufficientData()
    {
        var verdict = Judge(30, Condition(ConditionMetric.ErrorRate, 1.5, relative: true), Window("v3", 40, 12), Window("v2", 10, 0));

        Assert.Equal(VerdictKind.InsufficientData, verdict.Overall);
        Assert.Contains("stable v2 has 10 samples", verdict.Rollback[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoFiguresForCandidate_InsufficientData()
    {
        var verdict = Judge(30, Condition(ConditionMetric.ErrorRate, 0.05), Window("v2", 400, 4));

        Assert.Equal(VerdictKind.InsufficientData, verdict.Overall);
    }

    [Fact]
    public void Judge_P99FromTooFewSamples_InsufficientData()
    {
        var verdict = Judge(30, Condition(ConditionMetric.LatencyP99, 1), Window("v3", 100, latency: Quantiles(100, 5)), Window("v2", 2000, latency: Quantiles(2000, 0.2)));

        Assert.Equal(VerdictKind.InsufficientData, verdict.Overall);
        Assert.Contains("500 needed", verdict.Rollback[0].Sentence, StringComparison.Ordinal);
        Assert.Equal((100L, 2000L), (verdict.Rollback[0].CandidateSamples, verdict.Rollback[0].StableSamples));
    }

    [Fact]
    public void Judge_P99AboveThreshold_Fails()
    {
        var verdict = Judge(30, Condition(ConditionMetric.LatencyP99, 1), Window("v3", 600, latency: Quantiles(600, 2.5)), Window("v2", 2000, latency: Quantiles(2000, 0.2)));

        Assert.Equal(VerdictKind.Fail, verdict.Overall);
        Assert.Equal(2.5, verdict.Rollback[0].Statistic);
        Assert.StartsWith("v3 p99 2.5s over 30s (n=600) > 1s: rollback", verdict.Rollback[0].Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(600, VerdictKind.InsufficientData)]
    [InlineData(2000, VerdictKind.Inconclusive)]
    public void Judge_P99WithinSketchErrorOfThreshold_WaitsOrAsks(long samples, VerdictKind expected)
    {
        var verdict = Judge(30, Condition(ConditionMetric.LatencyP99, 1), Window("v3", samples, latency: Quantiles(samples, 1.005)), Window("v2", 2000, latency: Quantiles(2000, 0.2)));

        Assert.Equal(expected, verdict.Overall);
    }

    [Theory]
    [InlineData(0.5, VerdictKind.Fail)]
    [InlineData(0.15, VerdictKind.Pass)]
    public void Judge_P95RelativeToStable_ComparesWithKTimesStable(double canaryP95, VerdictKind expected)
    {
        var verdict = Judge(30, Condition(ConditionMetric.LatencyP95, 2, relative: true), Window("v3", 200, latency: Quantiles(200, canaryP95)), Window("v2", 2000, latency: Quantiles(2000, 0.1)));

        Assert.Equal(expected, verdict.Overall);
    }

    [Fact]
    public void Judge_NewErrorTypeStableNeverShowed_Fails()
    {
        var stableHistory = Window("v2", 3000, 30, fingerprints: new Dictionary<string, long> { ["500 agent.internal_error"] = 30 }, window: TimeSpan.FromMinutes(15));
        var canary = Window("v3", 60, 6, fingerprints: new Dictionary<string, long> { ["500 agent.injected_new_error"] = 5, ["500 agent.internal_error"] = 1 });
        var verdict = Judge(30, Condition(ConditionMetric.NewErrorType, 0.001), canary, Window("v2", 600, 6), stableHistory);
        var condition = verdict.Rollback[0];

        Assert.Equal(VerdictKind.Fail, condition.Kind);
        Assert.Equal(5.0 / 60, condition.CandidateValue);
        Assert.Equal(5, condition.Statistic);
        Assert.Contains("500 agent.injected_new_error x5", condition.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NewErrorTypeKnownToStable_Passes()
    {
        var stableHistory = Window("v2", 3000, 30, fingerprints: new Dictionary<string, long> { ["500 agent.internal_error"] = 30 }, window: TimeSpan.FromMinutes(15));
        var canary = Window("v3", 60, 6, fingerprints: new Dictionary<string, long> { ["500 agent.internal_error"] = 6 });
        var verdict = Judge(30, Condition(ConditionMetric.NewErrorType, 0.001), canary, Window("v2", 600, 6), stableHistory);

        Assert.Equal(VerdictKind.Pass, verdict.Overall);
    }

    [Fact]
    public void Judge_NewErrorTypeBelowMinimumCount_DoesNotFail()
    {
        var stableHistory = Window("v2", 3000, 0, window: TimeSpan.FromMinutes(15));
        var canary = Window("v3", 60, 2, fingerprints: new Dictionary<string, long> { ["500 agent.injected_new_error"] = 2 });
        var verdict = Judge(30, Condition(ConditionMetric.NewErrorType, 0.00001), canary, Window("v2", 600), stableHistory);

        Assert.NotEqual(VerdictKind.Fail, verdict.Overall);
    }

    [Fact]
    public void Judge_NewErrorTypeWithoutStableTraffic_InsufficientData()
    {
        var canary = Window("v3", 60, 6, fingerprints: new Dictionary<string, long> { ["500 agent.injected_new_error"] = 6 });
        var verdict = Judge(30, Condition(ConditionMetric.NewErrorType, 0.001), canary, Window("v2", 5));

        Assert.Equal(VerdictKind.InsufficientData, verdict.Overall);
    }

    [Theory]
    [InlineData(0.03, 40, VerdictKind.Fail)]
    [InlineData(0.012, 40, VerdictKind.Pass)]
    [InlineData(0.03, 10, VerdictKind.InsufficientData)]
    public void Judge_CostPerRequestRelative_ComparesPointsWithEnoughTurns(double canaryCost, long turns, VerdictKind expected)
    {
        var key = AppSignalNames.CostPerRequest;
        var canary = Window("v3", 100, signals: new Dictionary<string, double> { [key] = canaryCost }, signalSamples: new Dictionary<string, long> { [key] = turns });
        var stable = Window("v2", 1000, signals: new Dictionary<string, double> { [key] = 0.01 }, signalSamples: new Dictionary<string, long> { [key] = 900 });
        var verdict = Judge(30, Condition(ConditionMetric.CostPerRequest, 1.5, relative: true), canary, stable);

        Assert.Equal(expected, verdict.Overall);
        Assert.Equal(canaryCost, verdict.Rollback[0].CandidateValue);
    }

    [Fact]
    public void Judge_AppSignalMissing_InsufficientData()
    {
        var verdict = Judge(30, Condition(ConditionMetric.App, 0.2, app: "chatagent_tool_errors_total"), Window("v3", 100), Window("v2", 1000));

        Assert.Equal(VerdictKind.InsufficientData, verdict.Overall);
        Assert.Contains("app:chatagent_tool_errors_total", verdict.Rollback[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_FailedWarningOnly_OverallPassesAndWarningIsRecorded()
    {
        var analysis = AnalysisOf(30, Condition(ConditionMetric.ErrorRate, 0.05)) with { Warn = [Condition(ConditionMetric.ErrorRate, 0.001)] };
        var verdict = _judge.Judge(analysis, "v3", "v2", ByWindow(Window("v3", 100, 3), Window("v2", 1000, 10)), At);

        Assert.Equal(VerdictKind.Pass, verdict.Overall);
        Assert.Equal(VerdictKind.Fail, Assert.Single(verdict.Warnings).Kind);
        Assert.Contains(": warning (", verdict.Warnings[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_OneFailAmongPasses_OverallFails()
    {
        var verdict = Judge(30, [Condition(ConditionMetric.ErrorRate, 0.05), Condition(ConditionMetric.LatencyMax, 10)], Window("v3", 60, 30, latency: Quantiles(60, 0.1)), Window("v2", 1000, 10));

        Assert.Equal(VerdictKind.Fail, verdict.Overall);
        Assert.Equal([VerdictKind.Fail, VerdictKind.Pass], verdict.Rollback.Select(v => v.Kind));
    }

    [Fact]
    public void RequiredWindows_WithNewErrorType_AddsFingerprintHistory()
    {
        var analysis = AnalysisOf(30, Condition(ConditionMetric.ErrorRate, 0.05), Condition(ConditionMetric.NewErrorType, 0.001, window: TimeSpan.FromMinutes(2)));

        Assert.Equal([ThirtySeconds, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(15)], _judge.RequiredWindows(analysis));
    }

    private static QuantileSet Quantiles(long count, double value) => new(count, value, value, value, value);

    private AnalysisVerdict Judge(int minSamples, RolloutCondition condition, params RevisionWindow[] windows) => Judge(minSamples, [condition], windows);

    private AnalysisVerdict Judge(int minSamples, RolloutCondition[] conditions, params RevisionWindow[] windows) =>
        _judge.Judge(AnalysisOf(minSamples, conditions), "v3", "v2", ByWindow(windows), At);
}
