namespace Airlock.Rollouts.Analysis;

internal sealed partial class RolloutJudge
{
    private const string PointTestName = "point comparison (app signals carry no distribution)";

    /// <summary>
    /// <c>cost_per_request &gt; 1.5x stable</c> and other app signals: the scraped values are means over a window
    /// without their spread, so the judge compares points, once each side rests on minSamples events.
    /// </summary>
    private static ConditionVerdict AppSignal(ConditionInput input)
    {
        var key = AppSignalKey(input.Condition);
        var canary = input.CandidateWindow!;
        var stable = input.StableWindow;
        double? canaryValue = canary.AppSignals.TryGetValue(key, out var c) ? c : null;
        double? stableValue = stable is not null && stable.AppSignals.TryGetValue(key, out var s) ? s : null;
        var canarySamples = canary.AppSignalSamples.TryGetValue(key, out var cn) ? cn : canary.Requests;
        var stableSamples = stable is null ? 0 : stable.AppSignalSamples.TryGetValue(key, out var sn) ? sn : stable.Requests;
        if (canaryValue is null)
        {
            return new(input.Condition, VerdictKind.InsufficientData, null, stableValue, 0, stableSamples, PointTestName, null, null,
                $"{input.Candidate} {input.Metric} over {input.Window}: {input.Candidate} reports no '{key}': waiting for data");
        }

        if (canarySamples < input.MinSamples)
        {
            return TooFew(input, input.Candidate, canarySamples, input.MinSamples, canaryValue, stableValue, (canarySamples, stableSamples));
        }

        double reference = input.Condition.Threshold.Value;
        if (input.Condition.Threshold.RelativeToStable)
        {
            if (stableValue is null || stableSamples < input.MinSamples)
            {
                return TooFew(input, $"stable {input.Stable}", stableValue is null ? 0 : stableSamples, input.MinSamples, canaryValue, stableValue, (canarySamples, stableSamples));
            }

            reference *= stableValue.Value;
        }

        var holds = ConditionText.Holds(input.Condition.Operator, canaryValue.Value, reference);
        var kind = holds ? VerdictKind.Fail : VerdictKind.Pass;
        var threshold = input.ThresholdText(stableValue, stableSamples);
        var relation = holds ? $"{input.Op} {threshold}" : $"{ConditionText.Negated(input.Condition.Operator)} {threshold}";
        var sentence = $"{input.Candidate} {input.Metric} {input.Format(canaryValue.Value)} over {input.Window} (n={canarySamples}) {relation}: {Outcome(kind, input.Action)}";
        var ratio = reference != 0 ? canaryValue.Value / reference : (double?)null;
        return new ConditionVerdict(input.Condition, kind, canaryValue, stableValue, canarySamples, stableSamples, PointTestName, ratio, null, sentence);
    }
}
