using System.Collections.Immutable;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Metrics;

namespace Airlock.Rollouts.Analysis;

/// <summary>
/// Judges a candidate against stable, condition by condition (docs/decisions/0014-rollout-signals.md):
/// error rates with an exact one-sided binomial test (absolute) or Fisher's exact test (relative), latency
/// quantiles against a threshold or k x stable within the sketch's error, new error types as a share with a binomial
/// test, app signals as point values. Too few samples is InsufficientData, never Fail.
/// </summary>
internal sealed partial class RolloutJudge(JudgeOptions options) : IRolloutJudge
{
    public RolloutJudge()
        : this(JudgeOptions.Default)
    {
    }

    public JudgeOptions Options { get; } = options;

    /// <summary>
    /// The windows <see cref="Judge"/> needs figures for: every condition's window, plus the fingerprint history when
    /// a <c>new_error_type</c> condition is present (stable's error types are read over that longer window).
    /// </summary>
    public ImmutableSortedSet<TimeSpan> RequiredWindows(AnalysisSpec analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var conditions = analysis.Rollback.Concat(analysis.Warn).ToList();
        var windows = conditions.Select(c => c.Window).ToImmutableSortedSet();
        return conditions.Any(c => c.Metric == ConditionMetric.NewErrorType) ? windows.Add(Options.FingerprintHistory) : windows;
    }

    public AnalysisVerdict Judge(
        AnalysisSpec analysis,
        string candidate,
        string stable,
        IReadOnlyDictionary<TimeSpan, IReadOnlyList<RevisionWindow>> windows,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(windows);
        var rollback = analysis.Rollback.Select(c => JudgeCondition(c, analysis.MinSamples, candidate, stable, windows, "rollback")).ToImmutableArray();
        var warnings = analysis.Warn.Select(c => JudgeCondition(c, analysis.MinSamples, candidate, stable, windows, "warning")).ToImmutableArray();
        var overall = rollback.Any(v => v.Kind == VerdictKind.Fail) ? VerdictKind.Fail
            : rollback.Any(v => v.Kind == VerdictKind.Inconclusive) ? VerdictKind.Inconclusive
            : rollback.Any(v => v.Kind == VerdictKind.InsufficientData) ? VerdictKind.InsufficientData
            : VerdictKind.Pass;
        return new AnalysisVerdict(at, candidate, stable, overall, rollback, warnings);
    }

    internal ConditionVerdict JudgeCondition(
        RolloutCondition condition,
        int minSamples,
        string candidate,
        string stable,
        IReadOnlyDictionary<TimeSpan, IReadOnlyList<RevisionWindow>> windows,
        string action)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var input = new ConditionInput(
            condition,
            candidate,
            stable,
            Find(windows, condition.Window, candidate),
            Find(windows, condition.Window, stable),
            Math.Max(1, minSamples),
            action);
        if (input.CandidateWindow is null)
        {
            return new ConditionVerdict(condition, VerdictKind.InsufficientData, null, null, 0, input.StableWindow?.Requests ?? 0, "none", null, null,
                $"{candidate} {input.Metric} over {input.Window}: no figures for {candidate} yet: waiting for data");
        }

        return condition.Metric switch
        {
            ConditionMetric.ErrorRate => condition.Threshold.RelativeToStable ? ErrorRateRelative(input) : ErrorRateAbsolute(input),
            ConditionMetric.LatencyP50 or ConditionMetric.LatencyP95 or ConditionMetric.LatencyP99 or ConditionMetric.LatencyMax
                or ConditionMetric.TtfbP50 or ConditionMetric.TtfbP95 or ConditionMetric.TtfbP99 => Quantile(input),
            ConditionMetric.NewErrorType => NewErrorType(input, windows),
            ConditionMetric.CostPerRequest or ConditionMetric.TokensPerRequest or ConditionMetric.ContextUtilisation
                or ConditionMetric.App => AppSignal(input),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Metric, "unknown metric"),
        };
    }

    /// <summary>The signal name a condition reads from <see cref="RevisionWindow.AppSignals"/>.</summary>
    public static string AppSignalKey(RolloutCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.Metric switch
        {
            ConditionMetric.CostPerRequest => AppSignalNames.CostPerRequest,
            ConditionMetric.TokensPerRequest => AppSignalNames.TokensPerRequest,
            ConditionMetric.ContextUtilisation => AppSignalNames.ContextUtilisation,
            ConditionMetric.App => AppSignalNames.App(condition.AppMetric ?? string.Empty),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Metric, "not an app signal"),
        };
    }

    private static RevisionWindow? Find(IReadOnlyDictionary<TimeSpan, IReadOnlyList<RevisionWindow>> windows, TimeSpan window, string revision) =>
        windows.TryGetValue(window, out var list) ? list.FirstOrDefault(w => string.Equals(w.Revision, revision, StringComparison.Ordinal)) : null;

    /// <summary>Fail on strong evidence; "between" waits for data while the sample is small, asks a human once it is large.</summary>
    private VerdictKind Decide(bool pointHolds, double pValue, long samples, int minSamples)
    {
        if (!pointHolds || pValue >= Options.EvidenceSignificance)
        {
            return VerdictKind.Pass;
        }

        if (pValue < Options.FailSignificance)
        {
            return VerdictKind.Fail;
        }

        return samples >= (long)minSamples * Options.DecisiveSampleFactor ? VerdictKind.Inconclusive : VerdictKind.InsufficientData;
    }

    private static string Outcome(VerdictKind kind, string action) => kind switch
    {
        VerdictKind.Fail => action,
        VerdictKind.Pass => "ok",
        VerdictKind.Inconclusive => "inconclusive, a person decides",
        VerdictKind.InsufficientData => "waiting for more data",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown verdict"),
    };

    /// <param name="samples">The candidate's and stable's sample counts for this metric; requests when not given.</param>
    private static ConditionVerdict TooFew(ConditionInput input, string who, long have, long need, double? candidateValue = null, double? stableValue = null, (long Candidate, long Stable)? samples = null) =>
        new(input.Condition, VerdictKind.InsufficientData, candidateValue, stableValue,
            samples?.Candidate ?? input.CandidateWindow?.Requests ?? 0, samples?.Stable ?? input.StableWindow?.Requests ?? 0, "none", null, null,
            $"{input.Candidate} {input.Metric} over {input.Window}: {who} has {have} samples, {need} needed: waiting for more data");
}
