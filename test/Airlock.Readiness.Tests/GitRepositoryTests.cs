namespace Airlock.Readiness.Tests;

public sealed class GitRepositoryTests
{
    [Fact]
    public async Task ListWorkingTreeFiles_TrackedUntrackedAndIgnored_ListsOnlyNotIgnored()
    {
        using var repo = new TestRepository();
        repo.Write(".gitignore", "ignored.txt\n").Write("tracked.txt", "a").Commit();
        repo.Write("untracked.txt", "b").Write("ignored.txt", "c");

        var files = await repo.Repository.ListWorkingTreeFilesAsync();

        Assert.Equal([".gitignore", "tracked.txt", "untracked.txt"], files);
    }

    [Fact]
    public async Task StreamLines_FailingCommand_ThrowsGitException()
    {
        using var repo = new TestRepository();

        await Assert.ThrowsAsync<Git.GitException>(async () =>
        {
            await foreach (var _ in repo.Repository.StreamLinesAsync(["log", "--no-such-flag"]))
            {
            }
        });
    }
}
