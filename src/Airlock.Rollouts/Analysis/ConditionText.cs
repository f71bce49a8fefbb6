using System.Globalization;
using Airlock.Core.Deployment;

namespace Airlock.Rollouts.Analysis;

/// <summary>How verdict sentences write metric names, values, operators and windows.</summary>
internal static class ConditionText
{
    public static string MetricName(RolloutCondition condition) => condition.Metric switch
    {
        ConditionMetric.ErrorRate => "error rate",
        ConditionMetric.LatencyP50 => "p50",
        ConditionMetric.LatencyP95 => "p95",
        ConditionMetric.LatencyP99 => "p99",
        ConditionMetric.LatencyMax => "max latency",
        ConditionMetric.TtfbP50 => "ttfb p50",
        ConditionMetric.TtfbP95 => "ttfb p95",
        ConditionMetric.TtfbP99 => "ttfb p99",
        ConditionMetric.NewErrorType => "new error types",
        ConditionMetric.CostPerRequest => "cost per request",
        ConditionMetric.TokensPerRequest => "tokens per request",
        ConditionMetric.ContextUtilisation => "context utilisation",
        ConditionMetric.App => condition.AppMetric ?? "app signal",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Metric, "unknown metric"),
    };

    public static string Value(ConditionMetric metric, double value) => metric switch
    {
        ConditionMetric.ErrorRate or ConditionMetric.NewErrorType or ConditionMetric.ContextUtilisation => Percent(value),
        ConditionMetric.LatencyP50 or ConditionMetric.LatencyP95 or ConditionMetric.LatencyP99 or ConditionMetric.LatencyMax
            or ConditionMetric.TtfbP50 or ConditionMetric.TtfbP95 or ConditionMetric.TtfbP99 => Seconds(value),
        _ => value.ToString("G4", CultureInfo.InvariantCulture),
    };

    public static string Percent(double share)
    {
        var percent = share * 100;
        var format = percent == 0 || Math.Abs(percent) >= 10 ? "0" : Math.Abs(percent) >= 1 ? "0.#" : "0.###";
        return percent.ToString(format, CultureInfo.InvariantCulture) + "%";
    }

    public static string Seconds(double seconds) => seconds < 1
        ? (seconds * 1000).ToString(seconds < 0.01 ? "0.##" : "0", CultureInfo.InvariantCulture) + "ms"
        : seconds.ToString("0.##", CultureInfo.InvariantCulture) + "s";

    public static string Operator(ConditionOperator op) => op switch
    {
        ConditionOperator.GreaterThan => ">",
        ConditionOperator.GreaterOrEqual => ">=",
        ConditionOperator.LessThan => "<",
        ConditionOperator.LessOrEqual => "<=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operator"),
    };

    public static string Negated(ConditionOperator op) => op switch
    {
        ConditionOperator.GreaterThan => "<=",
        ConditionOperator.GreaterOrEqual => "<",
        ConditionOperator.LessThan => ">=",
        ConditionOperator.LessOrEqual => ">",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operator"),
    };

    public static string Window(TimeSpan window)
    {
        if (window.TotalSeconds < 60 || window.TotalSeconds % 60 != 0)
        {
            return window.TotalSeconds < 60
                ? window.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + "s"
                : $"{(int)window.TotalMinutes}m{window.Seconds}s";
        }

        return window.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + "m";
    }

    public static string P(double p) => p < 0.0001 ? p.ToString("0.0e0", CultureInfo.InvariantCulture) : p.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="value"/> stands in relation <paramref name="op"/> to <paramref name="threshold"/>.</summary>
    public static bool Holds(ConditionOperator op, double value, double threshold) => op switch
    {
        ConditionOperator.GreaterThan => value > threshold,
        ConditionOperator.GreaterOrEqual => value >= threshold,
        ConditionOperator.LessThan => value < threshold,
        ConditionOperator.LessOrEqual => value <= threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operator"),
    };

    public static bool IsUpward(ConditionOperator op) => op is ConditionOperator.GreaterThan or ConditionOperator.GreaterOrEqual;
}
