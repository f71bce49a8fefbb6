using Airlock.Core.Deployment;
using Airlock.Rollouts.Metrics;

namespace Airlock.Rollouts.Analysis;

internal sealed partial class RolloutJudge
{
    private const string QuantileTestName = "quantile vs threshold within the sketch's relative error";

    /// <summary>
    /// A latency quantile against a threshold or k x stable's. Only summary quantiles reach the judge (not the
    /// sketch), so no order-statistic interval is possible: a quantile is trusted once it rests on
    /// <see cref="JudgeOptions.TailSamples"/> samples above it (n ≥ 5/(1−q): 500 for p99), and a decision needs the
    /// two values apart by more than the sketch's error; within it the verdict waits or asks. The statistic is the
    /// ratio of the candidate's value to the reference.
    /// </summary>
    private ConditionVerdict Quantile(ConditionInput input)
    {
        var (quantile, pick) = Selector(input.Condition.Metric);
        var needed = Math.Max(input.MinSamples, quantile is { } q ? (long)Math.Ceiling(Options.TailSamples / (1 - q)) : 0);
        var canarySet = pick(input.CandidateWindow!);
        var stableSet = input.StableWindow is { } s ? pick(s) : null;
        var canaryValue = Value(canarySet, input.Condition.Metric);
        var stableValue = stableSet is null ? null : Value(stableSet, input.Condition.Metric);
        if (canarySet.Count < needed || canaryValue is null)
        {
            return TooFew(input, input.Candidate, canarySet.Count, needed, canaryValue, stableValue, (canarySet.Count, stableSet?.Count ?? 0));
        }

        double reference;
        var error = Options.SketchRelativeError;
        double referenceError = 0;
        if (input.Condition.Threshold.RelativeToStable)
        {
            if (stableSet is null || stableSet.Count < needed || stableValue is null)
            {
                return TooFew(input, $"stable {input.Stable}", stableSet?.Count ?? 0, needed, canaryValue, stableValue, (canarySet.Count, stableSet?.Count ?? 0));
            }

            reference = input.Condition.Threshold.Value * stableValue.Value;
            referenceError = error;
        }
        else
        {
            reference = input.Condition.Threshold.Value;
        }

        // Max is exact in the sketch; quantiles are within ±error of the true sample quantile.
        var own = quantile is null ? 0 : error;
        var value = canaryValue.Value;
        var upward = ConditionText.IsUpward(input.Condition.Operator);
        var holds = ConditionText.Holds(input.Condition.Operator, value, reference);
        var surelyHolds = upward
            ? value * (1 - own) > reference * (1 + referenceError)
            : value * (1 + own) < reference * (1 - referenceError);
        var kind = surelyHolds ? VerdictKind.Fail
            : !holds ? VerdictKind.Pass
            : canarySet.Count >= needed * Options.DecisiveSampleFactor ? VerdictKind.Inconclusive
            : VerdictKind.InsufficientData;
        var ratio = reference > 0 ? value / reference : (double?)null;
        var head = $"{input.Candidate} {input.Metric} {input.Format(value)} over {input.Window} (n={canarySet.Count})";
        var threshold = input.ThresholdText(stableValue, stableSet?.Count ?? 0);
        var relation = holds ? $"{input.Op} {threshold}" : $"{ConditionText.Negated(input.Condition.Operator)} {threshold}";
        var qualifier = kind is VerdictKind.Inconclusive or VerdictKind.InsufficientData ? " within the sketch's error" : string.Empty;
        var sentence = $"{head} {relation}{qualifier}: {Outcome(kind, input.Action)}";
        return new ConditionVerdict(input.Condition, kind, value, stableValue, canarySet.Count, stableSet?.Count ?? 0, QuantileTestName, ratio, null, sentence);
    }

    private static (double? Quantile, Func<RevisionWindow, QuantileSet> Pick) Selector(ConditionMetric metric) => metric switch
    {
        ConditionMetric.LatencyP50 => (0.5, w => w.Latency),
        ConditionMetric.LatencyP95 => (0.95, w => w.Latency),
        ConditionMetric.LatencyP99 => (0.99, w => w.Latency),
        ConditionMetric.LatencyMax => (null, w => w.Latency),
        ConditionMetric.TtfbP50 => (0.5, w => w.TimeToFirstByte),
        ConditionMetric.TtfbP95 => (0.95, w => w.TimeToFirstByte),
        ConditionMetric.TtfbP99 => (0.99, w => w.TimeToFirstByte),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "not a latency metric"),
    };

    private static double? Value(QuantileSet set, ConditionMetric metric) => metric switch
    {
        ConditionMetric.LatencyP50 or ConditionMetric.TtfbP50 => set.P50,
        ConditionMetric.LatencyP95 or ConditionMetric.TtfbP95 => set.P95,
        ConditionMetric.LatencyP99 or ConditionMetric.TtfbP99 => set.P99,
        ConditionMetric.LatencyMax => set.Max,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "not a latency metric"),
    };
}
