using Airlock.Rollouts.Runtime;
using Microsoft.Data.Sqlite;

namespace Airlock.Rollouts.Store;

/// <summary>
/// <see cref="IRolloutStore"/> on one SQLite file (docs/decisions/0014-rollout-signals.md): WAL with
/// synchronous=FULL, schema versioned in <c>user_version</c> and created on first open, spec apart from status, an
/// append-only ledger enforced by triggers. One connection, one operation at a time: the controller is the only
/// writer and every operation is a few milliseconds.
/// </summary>
internal sealed partial class SqliteRolloutStore : IRolloutStore, IDisposable
{
    private static readonly string TerminalPhases = string.Join(", ", new[]
    {
        RolloutPhase.Promoted, RolloutPhase.RolledBack, RolloutPhase.Aborted, RolloutPhase.Failed, RolloutPhase.Superseded,
    }.Select(p => $"'{p}'"));

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteRolloutStore(SqliteConnection connection, TimeProvider time, string path)
    {
        _connection = connection;
        _time = time;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens (creating the folder, the file and the schema when missing) the store at <paramref name="path"/>.</summary>
    public static SqliteRolloutStore Open(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);

        // No pooling: disposing the store really closes the file, so a test (or a second store) sees what a new process would.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        try
        {
            connection.Open();
            Configure(connection, full);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new SqliteRolloutStore(connection, time, full);
    }

    public Task<RolloutRecord> CreateAsync(NewRollout rollout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return RunAsync(() =>
        {
            using var transaction = _connection.BeginTransaction();
            long id;
            using (var insert = Command("""
                INSERT INTO rollouts (service, candidate, stable, spec_json, force_reason, created_at)
                VALUES ($service, $candidate, $stable, $spec, $force, $created) RETURNING id;
                """, transaction))
            {
                insert.Parameters.AddWithValue("$service", rollout.Service);
                insert.Parameters.AddWithValue("$candidate", rollout.Candidate);
                insert.Parameters.AddWithValue("$stable", (object?)rollout.Stable ?? DBNull.Value);
                insert.Parameters.AddWithValue("$spec", rollout.SpecJson);
                insert.Parameters.AddWithValue("$force", (object?)rollout.ForceReason ?? DBNull.Value);
                insert.Parameters.AddWithValue("$created", Time(rollout.CreatedAt));
                id = (long)insert.ExecuteScalar()!;
            }

            var status = new RolloutStatus(RolloutPhase.Pending, 0, 0, null, false, null, "requested", rollout.CreatedAt, 1);
            using (var insert = Command("""
                INSERT INTO rollout_status (rollout_id, phase, step_index, candidate_weight, step_started_at, paused_by_user, waiting_for_approval, message, updated_at, revision)
                VALUES ($id, $phase, $step, $weight, $stepStarted, $paused, $approval, $message, $updated, 1);
                """, transaction))
            {
                insert.Parameters.AddWithValue("$id", id);
                BindStatus(insert, status);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return new RolloutRecord(id, rollout.Service, rollout.Candidate, rollout.Stable, rollout.SpecJson, rollout.ForceReason, rollout.CreatedAt, status);
        }, cancellationToken);
    }

    public Task<RolloutRecord?> GetAsync(long id, CancellationToken cancellationToken) => RunAsync(() =>
    {
        using var query = Command($"SELECT {RolloutColumns} {RolloutFrom} WHERE r.id = $id;");
        query.Parameters.AddWithValue("$id", id);
        using var reader = query.ExecuteReader();
        return reader.Read() ? ReadRollout(reader) : null;
    }, cancellationToken);

    public Task<RolloutRecord?> GetActiveAsync(CancellationToken cancellationToken) => RunAsync(() =>
    {
        using var query = Command($"SELECT {RolloutColumns} {RolloutFrom} WHERE s.phase NOT IN ({TerminalPhases}) ORDER BY r.id DESC LIMIT 1;");
        using var reader = query.ExecuteReader();
        return reader.Read() ? ReadRollout(reader) : null;
    }, cancellationToken);

    public Task<IReadOnlyList<RolloutRecord>> ListAsync(int limit, CancellationToken cancellationToken) => RunAsync<IReadOnlyList<RolloutRecord>>(() =>
    {
        using var query = Command($"SELECT {RolloutColumns} {RolloutFrom} ORDER BY r.id DESC LIMIT $limit;");
        query.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        using var reader = query.ExecuteReader();
        var list = new List<RolloutRecord>();
        while (reader.Read())
        {
            list.Add(ReadRollout(reader));
        }

        return list;
    }, cancellationToken);

    /// <summary>The stored revision becomes <paramref name="expectedRevision"/> + 1 (whatever <paramref name="status"/> carries).</summary>
    public Task<bool> TryUpdateStatusAsync(long id, long expectedRevision, RolloutStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        return RunAsync(() =>
        {
            using var update = Command("""
                UPDATE rollout_status SET phase = $phase, step_index = $step, candidate_weight = $weight, step_started_at = $stepStarted,
                    paused_by_user = $paused, waiting_for_approval = $approval, message = $message, updated_at = $updated, revision = $expected + 1
                WHERE rollout_id = $id AND revision = $expected;
                """);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$expected", expectedRevision);
            BindStatus(update, status);
            return update.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    public Task<LedgerEntry> AppendAsync(long rolloutId, string kind, string message, string? evidenceJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(message);
        return RunAsync(() =>
        {
            var at = _time.GetUtcNow();
            using var insert = Command("INSERT INTO ledger (rollout_id, at, kind, message, evidence_json) VALUES ($id, $at, $kind, $message, $evidence) RETURNING seq;");
            insert.Parameters.AddWithValue("$id", rolloutId);
            insert.Parameters.AddWithValue("$at", Time(at));
            insert.Parameters.AddWithValue("$kind", kind);
            insert.Parameters.AddWithValue("$message", message);
            insert.Parameters.AddWithValue("$evidence", (object?)evidenceJson ?? DBNull.Value);
            var seq = (long)insert.ExecuteScalar()!;
            return new LedgerEntry(seq, rolloutId, at, kind, message, evidenceJson);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(long rolloutId, long afterSequence, CancellationToken cancellationToken) => RunAsync<IReadOnlyList<LedgerEntry>>(() =>
    {
        using var query = Command("SELECT seq, rollout_id, at, kind, message, evidence_json FROM ledger WHERE rollout_id = $id AND seq > $after ORDER BY seq;");
        query.Parameters.AddWithValue("$id", rolloutId);
        query.Parameters.AddWithValue("$after", afterSequence);
        using var reader = query.ExecuteReader();
        var list = new List<LedgerEntry>();
        while (reader.Read())
        {
            list.Add(ReadLedger(reader));
        }

        return list;
    }, cancellationToken);

    public Task<StableRecord?> GetStableAsync(string service, CancellationToken cancellationToken) => RunAsync(() =>
    {
        using var query = Command("SELECT service, revision, previous, since FROM stable WHERE service = $service;");
        query.Parameters.AddWithValue("$service", service);
        using var reader = query.ExecuteReader();
        return reader.Read() ? new StableRecord(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), ParseTime(reader.GetString(3))) : null;
    }, cancellationToken);

    public Task SetStableAsync(StableRecord stable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stable);
        return RunAsync(() =>
        {
            using var upsert = Command("""
                INSERT INTO stable (service, revision, previous, since) VALUES ($service, $revision, $previous, $since)
                ON CONFLICT(service) DO UPDATE SET revision = excluded.revision, previous = excluded.previous, since = excluded.since;
                """);
            upsert.Parameters.AddWithValue("$service", stable.Service);
            upsert.Parameters.AddWithValue("$revision", stable.Revision);
            upsert.Parameters.AddWithValue("$previous", (object?)stable.Previous ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$since", Time(stable.Since));
            return upsert.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task SaveInstanceAsync(RevisionInstanceRecord instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return RunAsync(() =>
        {
            using var upsert = Command("""
                INSERT INTO instances (revision, pid, process_start_ticks, port, log_dir, started_at) VALUES ($revision, $pid, $ticks, $port, $logs, $started)
                ON CONFLICT(revision) DO UPDATE SET pid = excluded.pid, process_start_ticks = excluded.process_start_ticks, port = excluded.port,
                    log_dir = excluded.log_dir, started_at = excluded.started_at;
                """);
            upsert.Parameters.AddWithValue("$revision", instance.Revision);
            upsert.Parameters.AddWithValue("$pid", instance.Pid);
            upsert.Parameters.AddWithValue("$ticks", instance.ProcessStartTicks);
            upsert.Parameters.AddWithValue("$port", instance.Port);
            upsert.Parameters.AddWithValue("$logs", instance.LogDirectory);
            upsert.Parameters.AddWithValue("$started", Time(instance.StartedAt));
            return upsert.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task RemoveInstanceAsync(string revision, CancellationToken cancellationToken) => RunAsync(() =>
    {
        using var delete = Command("DELETE FROM instances WHERE revision = $revision;");
        delete.Parameters.AddWithValue("$revision", revision);
        return delete.ExecuteNonQuery();
    }, cancellationToken);

    public Task<IReadOnlyList<RevisionInstanceRecord>> ListInstancesAsync(CancellationToken cancellationToken) => RunAsync<IReadOnlyList<RevisionInstanceRecord>>(() =>
    {
        using var query = Command("SELECT revision, pid, process_start_ticks, port, log_dir, started_at FROM instances ORDER BY revision;");
        using var reader = query.ExecuteReader();
        var list = new List<RevisionInstanceRecord>();
        while (reader.Read())
        {
            list.Add(ReadInstance(reader));
        }

        return list;
    }, cancellationToken);

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private async Task<T> RunAsync<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return operation();
        }
        finally
        {
            _gate.Release();
        }
    }
}
