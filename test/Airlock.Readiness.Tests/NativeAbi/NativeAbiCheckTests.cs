using Airlock.Core.Config;
using Airlock.Readiness.NativeAbi;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.NativeAbi;

public sealed class NativeAbiCheckTests
{
    [Fact]
    public async Task Run_BinaryWithinDefaultTarget_Passes()
    {
        using var repo = new TestRepository();
        NativeToolchain.CompileC(NativeToolchain.Hello, Path.Combine(repo.Root, "bin/hello"));
        repo.Write("README.md", "not a binary").Commit();

        var row = await RunAsync(repo, AirlockConfig.Default);

        Assert.Equal(CheckResult.Pass, row.Result);
        var evidence = Assert.Single(row.Evidence);
        Assert.Equal("bin/hello", evidence.File);
        Assert.StartsWith("needs GLIBC_2.", evidence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TargetOlderThanBinaryNeeds_BlocksLaunchWithFileAndVersion()
    {
        using var repo = new TestRepository();
        NativeToolchain.CompileC(NativeToolchain.Hello, Path.Combine(repo.Root, "bin/hello"));
        repo.Commit();

        // Debian 12's gcc links __libc_start_main@GLIBC_2.34; a target that only has 2.2.5 cannot run it.
        var row = await RunAsync(repo, Target("2.2.5"));

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal(Airlock.Core.Readiness.Severity.BlocksLaunch, row.Severity);
        var evidence = Assert.Single(row.Evidence);
        Assert.Equal("bin/hello", evidence.File);
        Assert.Contains("needs GLIBC_2.34 from libc.so.6", evidence.Message, StringComparison.Ordinal);
        Assert.Contains("version `GLIBC_2.34' not found", evidence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TargetEqualToNewestNeed_Passes()
    {
        using var repo = new TestRepository();
        NativeToolchain.CompileC(NativeToolchain.Hello, Path.Combine(repo.Root, "hello"));
        repo.Commit();

        var row = await RunAsync(repo, Target("2.34"));

        Assert.Equal(CheckResult.Pass, row.Result);
    }

    [Fact]
    public async Task Run_StaticBinary_PassesAtAnyTarget()
    {
        using var repo = new TestRepository();
        NativeToolchain.CompileC(NativeToolchain.Hello, Path.Combine(repo.Root, "static"), "-static");
        repo.Commit();

        var row = await RunAsync(repo, Target("2.0"));

        Assert.Equal(CheckResult.Pass, row.Result);
        Assert.Contains("no glibc symbol versions", Assert.Single(row.Evidence).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CppBinary_ReportsGlibcxxForInformation()
    {
        using var repo = new TestRepository();
        NativeToolchain.CompileCpp("#include <iostream>\n#include <string>\nint main() { std::string s(\"hi\"); std::cout << s << std::endl; }\n", Path.Combine(repo.Root, "app"));
        repo.Commit();

        var row = await RunAsync(repo, AirlockConfig.Default);

        Assert.Contains("GLIBCXX_3.4", Assert.Single(row.Evidence).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ArtifactFolderOutsideRepository_IsScanned()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "app").Commit();
        using var publish = new TestRepository();
        NativeToolchain.CompileC(NativeToolchain.Hello, Path.Combine(publish.Root, "out/libnative.so"), "-shared", "-fPIC");
        var context = new CheckContext
        {
            RepositoryRoot = repo.Root,
            Config = Target("2.1"),
            Git = repo.Repository,
            ArtifactDirectory = Path.Combine(publish.Root, "out"),
        };

        var row = Assert.Single(await new NativeAbiCheck().RunAsync(context, CancellationToken.None));

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.EndsWith("out/libnative.so", Assert.Single(row.Evidence).File, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingArtifactFolder_Warns()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "app").Commit();
        var context = new CheckContext
        {
            RepositoryRoot = repo.Root,
            Config = AirlockConfig.Default,
            Git = repo.Repository,
            ArtifactDirectory = Path.Combine(repo.Root, "publish"),
        };

        var row = Assert.Single(await new NativeAbiCheck().RunAsync(context, CancellationToken.None));

        Assert.Equal(CheckResult.Warn, row.Result);
    }

    [Fact]
    public async Task Run_FileWithElfMagicButGarbage_WarnsInsteadOfCrashing()
    {
        using var repo = new TestRepository();
        var garbage = new byte[200];
        "\u007fELF"u8.CopyTo(garbage);
        garbage[4] = 2;
        garbage[5] = 1;
        garbage[40] = 0xFF;
        garbage[41] = 0xFF;
        garbage[60] = 3;
        repo.WriteBytes("broken.so", garbage).Commit();

        var row = await RunAsync(repo, AirlockConfig.Default);

        Assert.Equal(CheckResult.Warn, row.Result);
        Assert.Equal("broken.so", Assert.Single(row.Evidence).File);
    }

    [Fact]
    public async Task Run_SyntheticBigEndianBinaryNeedingNewerGlibc_Fails()
    {
        using var repo = new TestRepository();
        repo.WriteBytes("s390x/tool", SyntheticElf.Build(is64: true, bigEndian: true, "libc.so.6", "GLIBC_2.17", "GLIBC_2.38")).Commit();

        var row = await RunAsync(repo, AirlockConfig.Default);

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Contains("s390x/tool needs GLIBC_2.38", row.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoElfFiles_PassesAndSaysWhereItLooked()
    {
        using var repo = new TestRepository();
        repo.Write("src/app.py", "print('hi')\n").Commit();

        var row = await RunAsync(repo, AirlockConfig.Default);

        Assert.Equal(CheckResult.Pass, row.Result);
        Assert.Contains("--artifact", row.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TargetNotAVersion_SkipsWithReason()
    {
        using var repo = new TestRepository();
        repo.Write("a.txt", "a").Commit();

        var row = await RunAsync(repo, Target("bookworm"));

        Assert.Equal(CheckResult.Skipped, row.Result);
        Assert.Contains("'bookworm' is not a version", row.Summary, StringComparison.Ordinal);
    }

    private static AirlockConfig Target(string glibc) => AirlockConfig.Default with { Target = new TargetConfig { Glibc = glibc } };

    private static async Task<RubricRow> RunAsync(TestRepository repo, AirlockConfig config) =>
        Assert.Single(await new NativeAbiCheck().RunAsync(repo.Context(config), CancellationToken.None));
}
