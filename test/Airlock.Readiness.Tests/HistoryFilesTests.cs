using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests;

public sealed class HistoryFilesTests
{
    private static readonly IProgress<CheckProgress> NoProgress = new Progress<CheckProgress>();

    [Fact]
    public async Task LoadAsync_FileDeletedLater_ListsItWithFirstCommitAndSize()
    {
        using var repo = new TestRepository();
        repo.Write("keep.txt", "k").Commit();
        var added = repo.Write("big.bin", new string('x', 5000)).Commit();
        repo.Write("big.bin", new string('y', 7000)).Commit();
        repo.Delete("big.bin").Commit();

        var history = await HistoryFiles.LoadAsync(repo.Repository, NoProgress, "test", CancellationToken.None);

        var versions = history.Blobs.Where(b => b.Path == "big.bin").ToList();
        Assert.Equal(4, history.CommitCount);
        Assert.Equal([5000L, 7000L], versions.Select(v => v.Size));
        Assert.Equal(added, versions[0].FirstCommit);
        Assert.True(versions[0].FirstCommitOrder < versions[1].FirstCommitOrder);
    }

    [Fact]
    public async Task LoadAsync_SameBlobCommittedTwice_KeepsOldestCommit()
    {
        using var repo = new TestRepository();
        var first = repo.Write("a.txt", "same").Commit();
        repo.Write("a.txt", "other").Commit();
        repo.Write("a.txt", "same").Commit();

        var history = await HistoryFiles.LoadAsync(repo.Repository, NoProgress, "test", CancellationToken.None);

        var same = Assert.Single(history.Blobs, b => b.Path == "a.txt" && b.Size == 4);
        Assert.Equal(first, same.FirstCommit);
    }

    [Fact]
    public async Task LoadAsync_CommitOnlyOnOtherBranch_IsIncluded()
    {
        using var repo = new TestRepository();
        repo.Write("a.txt", "a").Commit();
        repo.Git("checkout", "-q", "-b", "feature");
        var side = repo.Write("side.txt", "s").Commit();
        repo.Git("checkout", "-q", "main");

        var history = await HistoryFiles.LoadAsync(repo.Repository, NoProgress, "test", CancellationToken.None);

        Assert.Equal(side, Assert.Single(history.Blobs, b => b.Path == "side.txt").FirstCommit);
    }

    [Fact]
    public async Task LoadAsync_PathsWithTabAndUnicode_AreUnquoted()
    {
        using var repo = new TestRepository();
        repo.Write("dir/tab\there.txt", "t").Write("dir/é.txt", "e").Commit();

        var history = await HistoryFiles.LoadAsync(repo.Repository, NoProgress, "test", CancellationToken.None);

        Assert.Equal(["dir/tab\there.txt", "dir/é.txt"], history.Blobs.Select(b => b.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_BlobOnlyInMergeResolution_IsIncluded()
    {
        using var repo = new TestRepository();
        repo.Write("a.txt", "base").Commit();
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("a.txt", "feature").Commit();
        repo.Git("checkout", "-q", "main");
        repo.Write("a.txt", "main").Commit();
        repo.Git("merge", "-q", "-s", "ours", "--no-commit", "feature");
        repo.Write("a.txt", "resolved by hand");
        var merge = repo.Commit("merge");

        var history = await HistoryFiles.LoadAsync(repo.Repository, NoProgress, "test", CancellationToken.None);

        Assert.Equal(merge, Assert.Single(history.Blobs, b => b.Path == "a.txt" && b.Size == "resolved by hand".Length).FirstCommit);
    }

    [Fact]
    public async Task LoadAsync_NoCommits_IsEmpty()
    {
        using var repo = new TestRepository();
        repo.Write("a.txt", "a");

        var history = await HistoryFiles.LoadAsync(repo.Repository, NoProgress, "test", CancellationToken.None);

        Assert.Equal(0, history.CommitCount);
        Assert.Empty(history.Blobs);
    }
}
