using System.Collections.Frozen;

namespace Airlock.Core.Deployment;

/// <summary>The names conditions use for each <see cref="ConditionMetric"/>, and the unit each is written in.</summary>
public static class ConditionMetrics
{
    /// <summary>The prefix of an app signal scraped from a revision's <c>/metrics</c>: <c>app:chatagent_tool_errors_total</c>.</summary>
    public const string AppPrefix = "app:";

    private static readonly FrozenDictionary<string, ConditionMetric> ByName = new Dictionary<string, ConditionMetric>(StringComparer.Ordinal)
    {
        ["error_rate"] = ConditionMetric.ErrorRate,
        ["p50"] = ConditionMetric.LatencyP50,
        ["p95"] = ConditionMetric.LatencyP95,
        ["p99"] = ConditionMetric.LatencyP99,
        ["max"] = ConditionMetric.LatencyMax,
        ["ttfb_p50"] = ConditionMetric.TtfbP50,
        ["ttfb_p95"] = ConditionMetric.TtfbP95,
        ["ttfb_p99"] = ConditionMetric.TtfbP99,
        ["new_error_type"] = ConditionMetric.NewErrorType,
        ["cost_per_request"] = ConditionMetric.CostPerRequest,
        ["tokens_per_request"] = ConditionMetric.TokensPerRequest,
        ["context_utilisation"] = ConditionMetric.ContextUtilisation,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every built-in metric name (without the <c>app:</c> form).</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string name, out ConditionMetric metric) => ByName.TryGetValue(name, out metric);

    /// <summary>The name a condition uses for the metric; <c>app:&lt;name&gt;</c> for app signals.</summary>
    public static string Name(ConditionMetric metric, string? appMetric = null) => metric == ConditionMetric.App
        ? AppPrefix + appMetric
        : ByName.First(pair => pair.Value == metric).Key;

    public static MetricUnit Unit(ConditionMetric metric) => metric switch
    {
        ConditionMetric.ErrorRate or ConditionMetric.NewErrorType or ConditionMetric.ContextUtilisation => MetricUnit.Ratio,
        ConditionMetric.LatencyP50 or ConditionMetric.LatencyP95 or ConditionMetric.LatencyP99 or ConditionMetric.LatencyMax
            or ConditionMetric.TtfbP50 or ConditionMetric.TtfbP95 or ConditionMetric.TtfbP99 => MetricUnit.Seconds,
        ConditionMetric.CostPerRequest or ConditionMetric.TokensPerRequest or ConditionMetric.App => MetricUnit.Number,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "a metric without a unit"),
    };
}
