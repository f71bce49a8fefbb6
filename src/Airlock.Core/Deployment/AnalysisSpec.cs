using System.Collections.Immutable;

namespace Airlock.Core.Deployment;

/// <summary>How often and on what the controller judges a candidate.</summary>
public sealed record AnalysisSpec
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests a revision needs in a condition's window before that condition can pass or fail.</summary>
    public int MinSamples { get; init; } = 30;

    /// <summary>Any condition that holds rolls the candidate back.</summary>
    public ImmutableArray<RolloutCondition> Rollback { get; init; } = DefaultRollback;

    /// <summary>Recorded and shown; no action.</summary>
    public ImmutableArray<RolloutCondition> Warn { get; init; } = [];

    /// <summary>An optional Prometheus server whose HTTP API is queried for app signals.</summary>
    public Uri? PrometheusUrl { get; init; }

    /// <summary>Used when airlock.yaml has no <c>analysis.rollback</c>: error rate and a new error type.</summary>
    public static ImmutableArray<RolloutCondition> DefaultRollback { get; } =
    [
        new(ConditionMetric.ErrorRate, null, ConditionOperator.GreaterThan, new ConditionThreshold(0.05, false), TimeSpan.FromSeconds(30), default, "error_rate > 5% over 30s"),
        new(ConditionMetric.NewErrorType, null, ConditionOperator.GreaterThan, new ConditionThreshold(0.01, false), TimeSpan.FromMinutes(1), default, "new_error_type > 1% over 1m"),
    ];
}
