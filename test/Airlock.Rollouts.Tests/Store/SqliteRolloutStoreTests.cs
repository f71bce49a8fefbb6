using Airlock.Rollouts.Runtime;
using Airlock.Rollouts.Store;
using Microsoft.Data.Sqlite;

namespace Airlock.Rollouts.Tests.Store;

public sealed class SqliteRolloutStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();
    private readonly ManualTimeProvider _clock = new(Start);

    private string DbPath => _folder.File("state/airlock.db");

    [Fact]
    public void Open_NewFile_CreatesSchemaInWalMode()
    {
        using (SqliteRolloutStore.Open(DbPath, _clock))
        {
            Assert.Equal("wal", Scalar("PRAGMA journal_mode;"));
            Assert.Equal(1L, Scalar("PRAGMA user_version;"));
            Assert.Equal(6L, Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('rollouts','rollout_status','ledger','stable','instances','sqlite_sequence');"));
        }
    }

    [Fact]
    public void Open_NewerSchema_IsRefusedWithPath()
    {
        using (SqliteRolloutStore.Open(DbPath, _clock))
        {
            Execute("PRAGMA user_version = 7;");
        }

        var error = Assert.Throws<InvalidDataException>(() => SqliteRolloutStore.Open(DbPath, _clock));
        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_ThenGetAsync_RoundTripsSpecAndInitialStatus()
    {
        using var store = SqliteRolloutStore.Open(DbPath, _clock);
        var created = await store.CreateAsync(new NewRollout("chat", "v3", "v2", "{\"steps\":[5,25]}", "rubric row 4 waived: hotfix", Start), default);

        var read = await store.GetAsync(created.Id, default);

        Assert.Equal(created, read);
        Assert.Equal(RolloutPhase.Pending, read!.Status.Phase);
        Assert.Equal(1, read.Status.Revision);
        Assert.Null(await store.GetAsync(created.Id + 100, default));
    }

    [Fact]
    public async Task GetActiveAsync_SkipsTerminalRollouts()
    {
        using var store = SqliteRolloutStore.Open(DbPath, _clock);
        var first = await store.CreateAsync(Rollout("v2"), default);
        var second = await store.CreateAsync(Rollout("v3"), default);

        Assert.Equal(second.Id, (await store.GetActiveAsync(default))!.Id);
        Assert.True(await store.TryUpdateStatusAsync(second.Id, 1, second.Status with { Phase = RolloutPhase.RolledBack, Message = "error rate 50%" }, default));
        Assert.Equal(first.Id, (await store.GetActiveAsync(default))!.Id);
        Assert.True(await store.TryUpdateStatusAsync(first.Id, 1, first.Status with { Phase = RolloutPhase.Superseded }, default));
        Assert.Null(await store.GetActiveAsync(default));
    }

    [Fact]
    public async Task ListAsync_NewestFirstUpToLimit()
    {
        using var store = SqliteRolloutStore.Open(DbPath, _clock);
        foreach (var revision in new[] { "v1", "v2", "v3" })
        {
            await store.CreateAsync(Rollout(revision), default);
        }

        Assert.Equal(["v3", "v2"], (await store.ListAsync(2, default)).Select(r => r.Candidate));
    }

    [Fact]
    public async Task TryUpdateStatusAsync_StaleRevision_IsRefusedAndKeepsTheWinner()
    {
        using var store = SqliteRolloutStore.Open(DbPath, _clock);
        var rollout = await store.CreateAsync(Rollout("v3"), default);
        var stepping = rollout.Status with { Phase = RolloutPhase.Stepping, StepIndex = 2, CandidateWeight = 25, StepStartedAt = Start.AddSeconds(40), Message = "25%" };

        Assert.True(await store.TryUpdateStatusAsync(rollout.Id, 1, stepping, default));
        Assert.False(await store.TryUpdateStatusAsync(rollout.Id, 1, rollout.Status with { Phase = RolloutPhase.Aborted }, default));

        var read = (await store.GetAsync(rollout.Id, default))!.Status;
        Assert.Equal(stepping with { Revision = 2 }, read);
    }

    [Fact]
    public async Task AppendAsync_LedgerKeepsOrderAndReadsAfterASequence()
    {
        using var store = SqliteRolloutStore.Open(DbPath, _clock);
        var rollout = await store.CreateAsync(Rollout("v3"), default);
        var other = await store.CreateAsync(Rollout("v4"), default);
        var first = await store.AppendAsync(rollout.Id, "started", "v3 starting", null, default);
        await store.AppendAsync(other.Id, "started", "v4 starting", null, default);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var second = await store.AppendAsync(rollout.Id, "analysis", "v3 error rate 48% over 30s (n=61) > 5%: rollback", "{\"p\":1e-20}", default);

        var all = await store.ReadLedgerAsync(rollout.Id, 0, default);
        var after = await store.ReadLedgerAsync(rollout.Id, first.Sequence, default);

        Assert.Equal([first, second], all);
        Assert.Equal([second], after);
        Assert.Equal(Start.AddSeconds(3), second.At);
    }

    [Theory]
    [InlineData("UPDATE ledger SET message = 'nothing happened';")]
    [InlineData("DELETE FROM ledger;")]
    [InlineData("UPDATE rollouts SET spec_json = '{}';")]
    [InlineData("DELETE FROM rollouts;")]
    public async Task Ledger_AndSpec_RefuseRewritesEvenOutsideTheStore(string sql)
    {
        using var store = SqliteRolloutStore.Open(DbPath, _clock);
        var rollout = await store.CreateAsync(Rollout("v3"), default);
        await store.AppendAsync(rollout.Id, "started", "v3 starting", null, default);

        var error = Assert.Throws<SqliteException>(() => Execute(sql));

        Assert.Matches("append-only|written once|audit trail", error.Message);
        Assert.Single(await store.ReadLedgerAsync(rollout.Id, 0, default));
        Assert.Equal(rollout.SpecJson, (await store.GetAsync(rollout.Id, default))!.SpecJson);
    }

    [Fact]
    public async Task Open_CopyTakenWhileOpen_HasEveryCommittedWrite()
    {
        // What kill -9 leaves: the database and its write-ahead log as they were, never checkpointed or closed.
        var crashed = _folder.File("crashed/airlock.db");
        long id;
        using (var store = SqliteRolloutStore.Open(DbPath, _clock))
        {
            var rollout = await store.CreateAsync(Rollout("v3"), default);
            id = rollout.Id;
            Assert.True(await store.TryUpdateStatusAsync(id, 1, rollout.Status with { Phase = RolloutPhase.Stepping, StepIndex = 3, CandidateWeight = 25 }, default));
            await store.AppendAsync(id, "step", "weight 25%", null, default);
            await store.SetStableAsync(new StableRecord("chat", "v2", "v1", Start), default);

            Assert.True(new FileInfo(DbPath + "-wal").Length > 0, "the writes should still be in the WAL, not checkpointed");
            Directory.CreateDirectory(Path.GetDirectoryName(crashed)!);
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Copy(DbPath + suffix, crashed + suffix);
            }
        }

        using var reopened = SqliteRolloutStore.Open(crashed, _clock);
        var read = await reopened.GetActiveAsync(default);
        Assert.Equal(id, read!.Id);
        Assert.Equal((RolloutPhase.Stepping, 3, 25, 2L), (read.Status.Phase, read.Status.StepIndex, read.Status.CandidateWeight, read.Status.Revision));
        Assert.Equal("weight 25%", Assert.Single(await reopened.ReadLedgerAsync(id, 0, default)).Message);
        Assert.Equal("v2", (await reopened.GetStableAsync("chat", default))!.Revision);
    }

    [Fact]
    public async Task Open_AfterDispose_KeepsEverything()
    {
        using (var store = SqliteRolloutStore.Open(DbPath, _clock))
        {
            await store.CreateAsync(Rollout("v3"), default);
        }

        using var reopened = SqliteRolloutStore.Open(DbPath, _clock);
        Assert.Equal("v3", Assert.Single(await reopened.ListAsync(10, default)).Candidate);
    }

    [Fact]
    public async Task Instances_SaveReplaceListRemove()
    {
        using var store = SqliteRolloutStore.Open(DbPath, _clock);
        await store.SaveInstanceAsync(new RevisionInstanceRecord("v2", 100, 5000, 41001, "/logs", Start), default);
        await store.SaveInstanceAsync(new RevisionInstanceRecord("v3", 200, 6000, 41002, "/logs", Start), default);
        var restarted = new RevisionInstanceRecord("v3", 300, 7000, 41003, "/logs", Start.AddMinutes(1));
        await store.SaveInstanceAsync(restarted, default);
        await store.RemoveInstanceAsync("v2", default);

        Assert.Equal([restarted], await store.ListInstancesAsync(default));
    }

    [Fact]
    public async Task Stable_SetTwice_KeepsLatestWithPrevious()
    {
        using var store = SqliteRolloutStore.Open(DbPath, _clock);
        Assert.Null(await store.GetStableAsync("chat", default));
        await store.SetStableAsync(new StableRecord("chat", "v2", "v1", Start), default);
        var latest = new StableRecord("chat", "v3", "v2", Start.AddMinutes(5));
        await store.SetStableAsync(latest, default);

        Assert.Equal(latest, await store.GetStableAsync("chat", default));
    }

    public void Dispose() => _folder.Dispose();

    private static NewRollout Rollout(string candidate) => new("chat", candidate, "v1", "{}", null, Start);

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
