using System.Collections.Immutable;

namespace Airlock.Rollouts.Analysis;

/// <summary>
/// One analysis pass over all conditions. <see cref="Overall"/>: Fail when any rollback condition failed; else
/// Inconclusive when any was inconclusive; else InsufficientData when any lacked samples; else Pass.
/// </summary>
public sealed record AnalysisVerdict(
    DateTimeOffset At,
    string Candidate,
    string Stable,
    VerdictKind Overall,
    ImmutableArray<ConditionVerdict> Rollback,
    ImmutableArray<ConditionVerdict> Warnings);
