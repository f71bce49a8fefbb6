using Airlock.Rollouts.Runtime;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Tests.Controller;

/// <summary>The store seam in memory, with the same compare-and-swap and append-only rules as the SQLite one.</summary>
internal sealed class InMemoryRolloutStore : IRolloutStore
{
    private readonly Lock _gate = new();
    private readonly List<RolloutRecord> _rollouts = [];
    private readonly List<LedgerEntry> _ledger = [];
    private readonly Dictionary<string, StableRecord> _stable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RevisionInstanceRecord> _instances = new(StringComparer.Ordinal);

    public IReadOnlyList<LedgerEntry> Ledger
    {
        get
        {
            lock (_gate)
            {
                return [.. _ledger];
            }
        }
    }

    public Task<RolloutRecord> CreateAsync(NewRollout rollout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var status = new RolloutStatus(RolloutPhase.Pending, 0, 0, null, false, null, "requested", rollout.CreatedAt, 1);
            var record = new RolloutRecord(_rollouts.Count + 1, rollout.Service, rollout.Candidate, rollout.Stable, rollout.SpecJson, rollout.ForceReason, rollout.CreatedAt, status);
            _rollouts.Add(record);
            return Task.FromResult(record);
        }
    }

    public Task<RolloutRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rollouts.FirstOrDefault(r => r.Id == id));
        }
    }

    public Task<RolloutRecord?> GetActiveAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rollouts.LastOrDefault(r => !r.Status.Phase.IsTerminal()));
        }
    }

    public Task<IReadOnlyList<RolloutRecord>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RolloutRecord>>([.. _rollouts.AsEnumerable().Reverse().Take(limit)]);
        }
    }

    public Task<bool> TryUpdateStatusAsync(long id, long expectedRevision, RolloutStatus status, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _rollouts.FindIndex(r => r.Id == id);
            if (index < 0 || _rollouts[index].Status.Revision != expectedRevision)
            {
                return Task.FromResult(false);
            }

            _rollouts[index] = _rollouts[index] with { Status = status };
            return Task.FromResult(true);
        }
    }

    public Task<LedgerEntry> AppendAsync(long rolloutId, string kind, string message, string? evidenceJson, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var entry = new LedgerEntry(_ledger.Count + 1, rolloutId, DateTimeOffset.UnixEpoch, kind, message, evidenceJson);
            _ledger.Add(entry);
            return Task.FromResult(entry);
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(long rolloutId, long afterSequence, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<LedgerEntry>>([.. _ledger.Where(e => e.RolloutId == rolloutId && e.Sequence > afterSequence)]);
        }
    }

    public Task<StableRecord?> GetStableAsync(string service, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_stable.GetValueOrDefault(service));
        }
    }

    public Task SetStableAsync(StableRecord stable, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stable[stable.Service] = stable;
            return Task.CompletedTask;
        }
    }

    public Task SaveInstanceAsync(RevisionInstanceRecord instance, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _instances[instance.Revision] = instance;
            return Task.CompletedTask;
        }
    }

    public Task RemoveInstanceAsync(string revision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _instances.Remove(revision);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<RevisionInstanceRecord>> ListInstancesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RevisionInstanceRecord>>([.. _instances.Values]);
        }
    }
}
