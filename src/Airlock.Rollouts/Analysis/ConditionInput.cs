using Airlock.Core.Deployment;
using Airlock.Rollouts.Metrics;

namespace Airlock.Rollouts.Analysis;

/// <summary>One condition with the figures it is judged on; <paramref name="Action"/> is "rollback" or "warning".</summary>
internal sealed record ConditionInput(
    RolloutCondition Condition,
    string Candidate,
    string Stable,
    RevisionWindow? CandidateWindow,
    RevisionWindow? StableWindow,
    int MinSamples,
    string Action)
{
    public string Metric => ConditionText.MetricName(Condition);

    public string Window => ConditionText.Window(Condition.Window);

    public string Op => ConditionText.Operator(Condition.Operator);

    public string Format(double value) => ConditionText.Value(Condition.Metric, value);

    /// <summary>"5%" for an absolute threshold, "1.5x stable 2% (n=540)" for a relative one.</summary>
    public string ThresholdText(double? stableValue, long stableSamples) => Condition.Threshold.RelativeToStable
        ? $"{Condition.Threshold.Value:0.##}x stable {(stableValue is { } s ? Format(s) : "?")} (n={stableSamples})"
        : Format(Condition.Threshold.Value);
}
