namespace Airlock.Rollouts.Dashboard;

/// <summary>A rollback condition with an absolute threshold, drawn as a line on the chart of <paramref name="Metric"/>.</summary>
/// <param name="Metric">The chart's name: errorRate, p50, p95, p99, tokensPerRequest, costPerRequest, contextUtilisation.</param>
public sealed record SeriesThreshold(string Metric, double Value, string Text);
