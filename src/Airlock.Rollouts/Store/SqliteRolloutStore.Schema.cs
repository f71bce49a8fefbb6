using Microsoft.Data.Sqlite;

namespace Airlock.Rollouts.Store;

internal sealed partial class SqliteRolloutStore
{
    /// <summary>The schema this build writes, kept in <c>PRAGMA user_version</c>; 0 means a new file.</summary>
    public const int SchemaVersion = 1;

    // Spec (rollouts, write-once) apart from status (rollout_status, compare-and-swap on revision); the ledger takes
    // inserts only: triggers refuse UPDATE and DELETE on it and on rollouts, so the audit trail cannot be rewritten
    // through this store or by hand with the sqlite3 shell.
    private const string SchemaV1 = """
        CREATE TABLE rollouts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            service TEXT NOT NULL,
            candidate TEXT NOT NULL,
            stable TEXT,
            spec_json TEXT NOT NULL,
            force_reason TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE rollout_status (
            rollout_id INTEGER PRIMARY KEY REFERENCES rollouts(id),
            phase TEXT NOT NULL,
            step_index INTEGER NOT NULL,
            candidate_weight INTEGER NOT NULL,
            step_started_at TEXT,
            paused_by_user INTEGER NOT NULL,
            waiting_for_approval TEXT,
            message TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            revision INTEGER NOT NULL
        );
        CREATE INDEX rollout_status_phase ON rollout_status(phase);
        CREATE TABLE ledger (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            rollout_id INTEGER NOT NULL REFERENCES rollouts(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            message TEXT NOT NULL,
            evidence_json TEXT
        );
        CREATE INDEX ledger_rollout ON ledger(rollout_id, seq);
        CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
        CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
        CREATE TRIGGER rollouts_no_update BEFORE UPDATE ON rollouts BEGIN SELECT RAISE(ABORT, 'a rollout''s spec is written once'); END;
        CREATE TRIGGER rollouts_no_delete BEFORE DELETE ON rollouts BEGIN SELECT RAISE(ABORT, 'rollouts are kept for the audit trail'); END;
        CREATE TABLE stable (
            service TEXT PRIMARY KEY,
            revision TEXT NOT NULL,
            previous TEXT,
            since TEXT NOT NULL
        );
        CREATE TABLE instances (
            revision TEXT PRIMARY KEY,
            pid INTEGER NOT NULL,
            process_start_ticks INTEGER NOT NULL,
            port INTEGER NOT NULL,
            log_dir TEXT NOT NULL,
            started_at TEXT NOT NULL
        );
        PRAGMA user_version = 1;
        """;

    private static void Configure(SqliteConnection connection, string path)
    {
        // WAL: readers never block the writer and a crash leaves committed transactions in the log, replayed on open.
        // synchronous=FULL: WAL with NORMAL already survives kill -9 (the OS keeps the written pages); FULL also
        // survives power loss, for one fsync per commit, which a few writes a second can afford.
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, "PRAGMA synchronous = FULL;");
        Execute(connection, "PRAGMA foreign_keys = ON;");
        Execute(connection, "PRAGMA busy_timeout = 5000;");

        using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version == SchemaVersion)
        {
            return;
        }

        if (version > SchemaVersion)
        {
            throw new InvalidDataException($"{path}: the store has schema version {version}, newer than this Airlock reads ({SchemaVersion}); use a newer airlock or another store path.");
        }

        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = SchemaV1;
            create.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
