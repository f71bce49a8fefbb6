using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.Lfs;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Lfs;

public sealed class LfsCheckTests
{
    // A pointer exactly as git-lfs writes it for a 4 GiB model file.
    private const string Pointer =
        "version https://git-lfs.github.com/spec/v1\n"
        + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
        + "size 4294967296\n";

    private static readonly AirlockConfig ResolvesLfs = new() { Target = new TargetConfig { Lfs = true } };

    [Fact]
    public async Task Run_PointerInTreeAndTargetWithoutLfs_FailsBlocksLaunch()
    {
        using var repo = new TestRepository();
        repo.Write("models/agent.gguf", Pointer).Write("README.md", "hi").Commit();

        var row = await RowAsync(repo, "lfs.pointers");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal((Severity.BlocksLaunch, CountdownStep.Deploy), (row.Severity, row.Step));
        var evidence = Assert.Single(row.Evidence);
        Assert.Equal("models/agent.gguf", evidence.File);
        Assert.Contains("4,294,967,296-byte", evidence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PointerAndTargetResolvesLfs_PassesWithNote()
    {
        using var repo = new TestRepository();
        repo.Write("models/agent.gguf", Pointer).Write(".gitattributes", "*.gguf filter=lfs diff=lfs merge=lfs -text\n").Commit();

        var rows = await new LfsCheck().RunAsync(repo.Context(ResolvesLfs), CancellationToken.None);

        Assert.All(rows, r => Assert.Equal(CheckResult.Pass, r.Result));
        Assert.All(rows, r => Assert.Contains("target.lfs is true", r.Summary, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Single(r.Evidence));
    }

    [Fact]
    public async Task Run_PointerCommittedButSmudgedLocally_FailsFromHeadBlob()
    {
        using var repo = new TestRepository();
        repo.Write("data/corpus.bin", Pointer).Commit();
        // What git-lfs leaves after checkout: the real bytes on disk, the pointer in the commit.
        repo.WriteBytes("data/corpus.bin", new byte[4096]);

        var row = await RowAsync(repo, "lfs.pointers");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Contains("committed in HEAD", Assert.Single(row.Evidence).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version https://git-lfs.github.com/spec/v1\noid sha256:short\nsize 12\n                                                              \n")]
    [InlineData("version https://example.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12\n")]
    [InlineData("# How to use Git LFS\nversion https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12\n")]
    public async Task Run_TextThatOnlyResemblesAPointer_Passes(string content)
    {
        using var repo = new TestRepository();
        repo.Write("notes.txt", content).Commit();

        Assert.Equal(CheckResult.Pass, (await RowAsync(repo, "lfs.pointers")).Result);
    }

    [Fact]
    public async Task Run_LfsPatternsAndTargetWithoutLfs_WarnsWithLine()
    {
        using var repo = new TestRepository();
        repo.Write(".gitattributes", "* text=auto\n# models\n*.onnx filter=lfs diff=lfs merge=lfs -text\n").Commit();

        var row = await RowAsync(repo, "lfs.attributes");

        Assert.Equal(CheckResult.Warn, row.Result);
        Assert.Equal((".gitattributes", 3), (row.Evidence[0].File, row.Evidence[0].Line));
        Assert.Contains("`*.onnx`", row.Evidence[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoLfs_PassesBothRows()
    {
        using var repo = new TestRepository();
        repo.Write(".gitattributes", "* text=auto\n").Write("a.txt", new string('a', 200)).Commit();

        var rows = await new LfsCheck().RunAsync(repo.Context(), CancellationToken.None);

        Assert.All(rows, r => Assert.Equal(CheckResult.Pass, r.Result));
    }

    private static async Task<RubricRow> RowAsync(TestRepository repo, string id) =>
        (await new LfsCheck().RunAsync(repo.Context(), CancellationToken.None)).Single(r => r.Id == id);
}
