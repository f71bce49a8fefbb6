using Airlock.Core.Config;

namespace Airlock.Core.Deployment;

/// <summary>
/// A parsed condition such as <c>error_rate &gt; 5% over 2m</c> or <c>cost_per_request &gt; 1.5x stable</c>.
/// </summary>
/// <param name="AppMetric">The Prometheus metric name for <see cref="ConditionMetric.App"/>; null otherwise.</param>
/// <param name="Window">The sliding window the metric is read over.</param>
/// <param name="Source">Where in airlock.yaml it was written.</param>
/// <param name="Text">The condition as written, for verdicts and the audit trail.</param>
public sealed record RolloutCondition(
    ConditionMetric Metric,
    string? AppMetric,
    ConditionOperator Operator,
    ConditionThreshold Threshold,
    TimeSpan Window,
    ConfigLocation Source,
    string Text);
