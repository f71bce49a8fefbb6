using System.Collections.Immutable;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Runtime;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Api;

/// <summary><c>GET /api/status</c>: what is live, what is being tried, the latest verdict, and the active rollout's ledger.</summary>
public sealed record StatusView(
    string Service,
    StableRecord? Stable,
    RolloutView? Active,
    RolloutView? Last,
    AnalysisVerdict? LastVerdict,
    ImmutableArray<RevisionInstanceRecord> Instances,
    ImmutableArray<LedgerEntry> Ledger,
    string? LastError,
    DateTimeOffset At);
