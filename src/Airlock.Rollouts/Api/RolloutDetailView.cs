using System.Collections.Immutable;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Api;

/// <summary><c>GET /api/rollouts/{id}</c>: the rollout and every ledger entry it has.</summary>
public sealed record RolloutDetailView(RolloutView Rollout, ImmutableArray<LedgerEntry> Ledger);
