using System.Collections.Immutable;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Metrics;

namespace Airlock.Rollouts.Tests.Controller;

/// <summary>The judge seam: answers whatever verdict the test sets, and counts how often it was asked.</summary>
internal sealed class ScriptedJudge : IRolloutJudge
{
    public VerdictKind Next { get; set; } = VerdictKind.Pass;

    /// <summary>Stable's error rate as the verdict reports it (for the "never roll back onto a failing stable" rule).</summary>
    public double StableErrorRate { get; set; }

    public int Calls { get; private set; }

    public ImmutableSortedSet<TimeSpan> RequiredWindows(AnalysisSpec analysis) =>
        analysis.Rollback.Concat(analysis.Warn).Select(condition => condition.Window).ToImmutableSortedSet();

    public AnalysisVerdict Judge(AnalysisSpec analysis, string candidate, string stable, IReadOnlyDictionary<TimeSpan, IReadOnlyList<RevisionWindow>> windows, DateTimeOffset at)
    {
        Calls++;
        var condition = analysis.Rollback[0];
        var verdict = new ConditionVerdict(condition, Next, 0.5, StableErrorRate, 100, 1000, "scripted", null, null, $"scripted {Next} for {condition.Text}");
        return new AnalysisVerdict(at, candidate, stable, Next, [verdict], []);
    }
}
