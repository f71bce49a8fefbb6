using System.Collections.Immutable;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Metrics;

namespace Airlock.Rollouts.Tests.Analysis;

/// <summary>Conditions and windows for judge tests, built directly (the spec loader is another slice's).</summary>
internal static class JudgeFixtures
{
    public static readonly TimeSpan ThirtySeconds = TimeSpan.FromSeconds(30);

    public static RolloutCondition Condition(ConditionMetric metric, double threshold, bool relative = false, ConditionOperator op = ConditionOperator.GreaterThan, TimeSpan? window = null, string? app = null) =>
        new(metric, app, op, new ConditionThreshold(threshold, relative), window ?? ThirtySeconds, default, $"{metric} {op} {threshold}{(relative ? "x stable" : string.Empty)}");

    public static RevisionWindow Window(
        string revision,
        long requests,
        long errors = 0,
        QuantileSet? latency = null,
        IReadOnlyDictionary<string, long>? fingerprints = null,
        IReadOnlyDictionary<string, double>? signals = null,
        IReadOnlyDictionary<string, long>? signalSamples = null,
        TimeSpan? window = null) =>
        new(revision, window ?? ThirtySeconds, requests, errors, 0, latency ?? QuantileSet.Empty, QuantileSet.Empty,
            (fingerprints ?? new Dictionary<string, long>()).ToImmutableDictionary(StringComparer.Ordinal),
            (signals ?? new Dictionary<string, double>()).ToImmutableDictionary(StringComparer.Ordinal))
        {
            AppSignalSamples = (signalSamples ?? new Dictionary<string, long>()).ToImmutableDictionary(StringComparer.Ordinal),
        };

    public static Dictionary<TimeSpan, IReadOnlyList<RevisionWindow>> ByWindow(params RevisionWindow[] windows) =>
        windows.GroupBy(w => w.Window).ToDictionary(g => g.Key, g => (IReadOnlyList<RevisionWindow>)[.. g]);

    public static AnalysisSpec AnalysisOf(int minSamples, params RolloutCondition[] rollback) => new() { MinSamples = minSamples, Rollback = [.. rollback] };
}
