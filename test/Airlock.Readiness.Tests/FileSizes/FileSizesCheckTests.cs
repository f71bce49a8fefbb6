using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.FileSizes;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.FileSizes;

public sealed class FileSizesCheckTests
{
    // Small thresholds keep the committed blobs tiny; the rule is the same as with 100/50/25 MiB.
    private static readonly AirlockConfig SmallLimits = new()
    {
        Thresholds = new ThresholdsConfig { FileFailBytes = 4000, FileWarnBytes = 2000, FileNoteBytes = 1000 },
    };

    [Fact]
    public async Task Run_FilesAtEachThreshold_ClassifiesFailWarnNote()
    {
        using var repo = new TestRepository();
        repo.WriteBytes("fail.bin", new byte[4000]).WriteBytes("warn.bin", new byte[2000])
            .WriteBytes("note.bin", new byte[1000]).WriteBytes("small.bin", new byte[999]).Commit();

        var rows = await RunAsync(repo, SmallLimits);

        foreach (var row in rows)
        {
            Assert.Equal(CheckResult.Fail, row.Result);
            Assert.Equal((Severity.BlocksLaunch, CountdownStep.Deploy), (row.Severity, row.Step));
            Assert.Equal(["fail.bin", "warn.bin", "note.bin"], row.Evidence.Select(e => e.File));
            Assert.Equal(["fail", "warn", "note"], row.Evidence.Select(e => e.RuleId));
        }
    }

    [Fact]
    public async Task Run_BigFileDeletedFromTree_StillFailsHistoryWithCommit()
    {
        using var repo = new TestRepository();
        var added = repo.WriteBytes("dump.sql", new byte[5000]).Commit();
        repo.Delete("dump.sql").Commit();

        var rows = await RunAsync(repo, SmallLimits);

        Assert.Equal(CheckResult.Pass, rows.Single(r => r.Id == "file-sizes.tree").Result);
        var history = rows.Single(r => r.Id == "file-sizes.history");
        Assert.Equal(CheckResult.Fail, history.Result);
        var evidence = Assert.Single(history.Evidence);
        Assert.Equal(("dump.sql", added), (evidence.File, evidence.Commit));
    }

    [Fact]
    public async Task Run_OnlyNoteSizedFile_PassesWithEvidence()
    {
        using var repo = new TestRepository();
        repo.WriteBytes("img.png", new byte[1500]).Commit();

        var rows = await RunAsync(repo, SmallLimits);

        Assert.All(rows, r => Assert.Equal(CheckResult.Pass, r.Result));
        Assert.All(rows, r => Assert.Contains("web upload", r.Summary, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal("img.png", Assert.Single(r.Evidence).File));
    }

    [Fact]
    public async Task Run_UntrackedSparseFileOverDefaultPushLimit_FailsTree()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "hi").Commit();
        using (var stream = File.Create(Path.Combine(repo.Root, "model.bin")))
        {
            // Sparse on Linux: no 100 MiB written to disk.
            stream.SetLength(100 * ThresholdsConfig.MiB);
        }

        var rows = await RunAsync(repo, AirlockConfig.Default);

        var tree = rows.Single(r => r.Id == "file-sizes.tree");
        Assert.Equal(CheckResult.Fail, tree.Result);
        Assert.Contains("100 MiB", tree.Evidence[0].Message, StringComparison.Ordinal);
        Assert.Equal(CheckResult.Pass, rows.Single(r => r.Id == "file-sizes.history").Result);
    }

    [Fact]
    public async Task Run_BigFileTrackedByLfsAttribute_IsNotCountedInTree()
    {
        using var repo = new TestRepository();
        repo.Write(".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n").Commit();
        repo.WriteBytes("weights.bin", new byte[5000]);

        var tree = (await RunAsync(repo, SmallLimits)).Single(r => r.Id == "file-sizes.tree");

        Assert.Equal(CheckResult.Pass, tree.Result);
        Assert.Contains("Git LFS", Assert.Single(tree.Evidence).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoCommits_SkipsHistory()
    {
        using var repo = new TestRepository();
        repo.Write("a.txt", "a");

        var history = (await RunAsync(repo, SmallLimits)).Single(r => r.Id == "file-sizes.history");

        Assert.Equal(CheckResult.Skipped, history.Result);
    }

    [Fact]
    public async Task Run_SensitiveFilesAndFileSizesOnOneContext_ShareOneHistoryWalk()
    {
        using var repo = new TestRepository();
        repo.WriteBytes("big.bin", new byte[5000]).Commit();
        var context = repo.Context(SmallLimits);

        await new FileSizesCheck().RunAsync(context, CancellationToken.None);
        var first = context.HistoryFilesAsync("x", CancellationToken.None);
        await new Readiness.SensitiveFiles.SensitiveFilesCheck().RunAsync(context, CancellationToken.None);

        Assert.Same(await first, await context.HistoryFilesAsync("y", CancellationToken.None));
    }

    private static async Task<IReadOnlyList<RubricRow>> RunAsync(TestRepository repo, AirlockConfig config) =>
        await new FileSizesCheck().RunAsync(repo.Context(config), CancellationToken.None);
}
