using System.Collections.Immutable;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Runtime;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Controller;

/// <summary>
/// What <c>airlock status</c> and the dashboard show, published by the engine after every change as one immutable
/// value (readers never see half of an update).
/// </summary>
public sealed record RolloutSnapshot(
    string Service,
    RolloutRecord? Active,
    RolloutRecord? Last,
    StableRecord? Stable,
    AnalysisVerdict? LastVerdict,
    ImmutableArray<RevisionInstanceRecord> Instances,
    DateTimeOffset At);
