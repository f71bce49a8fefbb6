namespace Airlock.Rollouts.Dashboard;

/// <summary>
/// One sample of one revision for the dashboard's charts. Rates are per second over the sampling window, latencies in
/// seconds; a figure is null when the window had nothing to measure it on (no requests, or the app exports no signal).
/// </summary>
/// <param name="Role">"stable" or "canary" at the time of the sample (a revision can be both over its life).</param>
public sealed record SeriesPoint(
    DateTimeOffset At,
    string Revision,
    string Role,
    long Requests,
    double RequestRate,
    double? ErrorRate,
    double? P50,
    double? P95,
    double? P99,
    double? TokensPerRequest,
    double? CostPerRequest,
    double? ContextUtilisation);
