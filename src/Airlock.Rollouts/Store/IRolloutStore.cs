namespace Airlock.Rollouts.Store;

/// <summary>
/// Spec and status of rollouts and an append-only ledger of every event and decision with its evidence. SQLite is
/// the default. Status writes are compare-and-swap on <see cref="RolloutStatus.Revision"/> so two writers are caught.
/// </summary>
public interface IRolloutStore
{
    Task<RolloutRecord> CreateAsync(NewRollout rollout, CancellationToken cancellationToken);

    Task<RolloutRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The newest rollout that has not reached a terminal phase, if any.</summary>
    Task<RolloutRecord?> GetActiveAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<RolloutRecord>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Writes the status if the stored one still has <paramref name="expectedRevision"/>; false otherwise.</summary>
    Task<bool> TryUpdateStatusAsync(long id, long expectedRevision, RolloutStatus status, CancellationToken cancellationToken);

    Task<LedgerEntry> AppendAsync(long rolloutId, string kind, string message, string? evidenceJson, CancellationToken cancellationToken);

    Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(long rolloutId, long afterSequence, CancellationToken cancellationToken);

    /// <summary>The service's current stable revision and its launch (what <c>undo</c> and the next rollout compare against).</summary>
    Task<StableRecord?> GetStableAsync(string service, CancellationToken cancellationToken);

    Task SetStableAsync(StableRecord stable, CancellationToken cancellationToken);

    Task SaveInstanceAsync(Runtime.RevisionInstanceRecord instance, CancellationToken cancellationToken);

    Task RemoveInstanceAsync(string revision, CancellationToken cancellationToken);

    Task<IReadOnlyList<Runtime.RevisionInstanceRecord>> ListInstancesAsync(CancellationToken cancellationToken);
}
