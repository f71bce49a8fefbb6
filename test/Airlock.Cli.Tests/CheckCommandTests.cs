using System.Text.Json;
using System.Xml.Linq;
using Airlock.Readiness.Tests;

namespace Airlock.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public async Task Version_Flag_PrintsVersionAndCommit()
    {
        var run = await CliRun.InvokeAsync("--version");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"^airlock \d+\.\d+\.\d+ \(commit ([0-9a-f]+|unknown)\)", run.Out);
    }

    [Fact]
    public async Task Check_Help_ListsEveryOption()
    {
        var run = await CliRun.InvokeAsync("check", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var option in new[] { "--format", "--fail-on", "--rules", "--baseline", "--artifact", "--only", "--output" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Check_NotAGitRepository_ExitsTwoWithHint()
    {
        var folder = Directory.CreateTempSubdirectory("airlock-nogit-");
        try
        {
            var run = await CliRun.InvokeAsync("check", folder.FullName);

            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            Assert.Contains("is not inside a git work tree", run.Error, StringComparison.Ordinal);
            Assert.Contains("hint:", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Check_UnknownOption_ExitsTwo()
    {
        var run = await CliRun.InvokeAsync("check", "--formt", "json");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InvalidConfig_ExitsTwoWithFileLineAndHint()
    {
        using var repo = new TestRepository();
        repo.Write("airlock.yaml", "target:\n  glibc: \"2.36\"\n  lsf: true\n").Commit();

        var run = await CliRun.InvokeAsync("check", repo.Root, "--format", "json");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("airlock.yaml:3:3: error: unknown key 'lsf' in target.", run.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'lfs'?", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Check_JsonFormat_WritesOneParsableDocumentToStdout()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "hello\n").Commit();

        var run = await CliRun.InvokeAsync("check", repo.Root, "--json", "--no-progress");

        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(repo.Root, root.GetProperty("repository").GetString());
        Assert.Equal(repo.Git("rev-parse", "HEAD").Trim(), root.GetProperty("commit").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("rows").ValueKind);
        Assert.Equal(run.ExitCode == ExitCodes.LaunchBlocked, root.GetProperty("summary").GetProperty("launchBlocked").GetBoolean());
    }

    [Fact]
    public async Task Check_SarifFormat_IsSarif210()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "hello\n").Commit();

        var run = await CliRun.InvokeAsync("check", repo.Root, "--format", "sarif", "--no-progress");

        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        var driver = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal("airlock", driver.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Check_OutputFile_WritesJUnitAtomically()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "hello\n").Commit();
        var output = Path.Combine(repo.Root, "out", "rubric.xml");

        var run = await CliRun.InvokeAsync("check", repo.Root, "--format", "junit", "--output", output, "--no-progress");

        var xml = XDocument.Load(output);
        Assert.Equal("testsuites", xml.Root!.Name.LocalName);
        Assert.Empty(run.Out);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!, "*.tmp"));
    }
}
