using Airlock.Core.Deployment;
using Airlock.Rollouts.Metrics;

namespace Airlock.Rollouts.Analysis;

/// <summary>Judges a candidate against stable from windowed figures. Pure: no I/O, no clock.</summary>
public interface IRolloutJudge
{
    /// <summary>Every window length <see cref="Judge"/> needs figures for (the conditions' own, and any history it compares with).</summary>
    System.Collections.Immutable.ImmutableSortedSet<TimeSpan> RequiredWindows(AnalysisSpec analysis);

    /// <param name="windows">For each distinct condition window length, every revision's figures over it.</param>
    AnalysisVerdict Judge(
        AnalysisSpec analysis,
        string candidate,
        string stable,
        IReadOnlyDictionary<TimeSpan, IReadOnlyList<RevisionWindow>> windows,
        DateTimeOffset at);
}
