using System.Text.Json;
using Airlock.Readiness.Tests;
using Airlock.Readiness.Tests.Live;

namespace Airlock.Cli.Tests;

/// <summary><c>airlock check --live URL</c>: guard rails on the command line, and one table with one exit code.</summary>
public sealed class CheckLiveTests
{
    [Theory]
    [InlineData("http://10.20.30.40:8080")]
    [InlineData("https://chat.example.com")]
    public async Task Check_RemoteLiveTargetWithoutAllowRemote_ExitsTwoWithHint(string url)
    {
        using var repo = Repository();

        var run = await CliRun.InvokeAsync("check", repo.Root, "--live", url, "--no-progress");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("is not a loopback address", run.Error, StringComparison.Ordinal);
        Assert.Contains("pass --allow-remote", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Check_LiveNotAnHttpUrl_ExitsTwo()
    {
        using var repo = Repository();

        var run = await CliRun.InvokeAsync("check", repo.Root, "--live", "ftp://127.0.0.1/", "--no-progress");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("is not an http:// or https:// URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OnlyLiveWithoutLiveUrl_ExitsTwo()
    {
        using var repo = Repository();

        var run = await CliRun.InvokeAsync("check", repo.Root, "--only", "live", "--allow-remote");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("the live check needs a running revision", run.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-remote: error: only means something with --live URL.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BadLiveSection_ExitsTwoWithLineAndHint()
    {
        using var repo = new TestRepository();
        repo.Write("airlock.yaml", "live:\n  memory:\n    budjet: 1GiB\n  known_bad:\n    request: { path: https://elsewhere.example/ }\n").Commit();

        var run = await CliRun.InvokeAsync("check", repo.Root, "--live", "http://127.0.0.1:9", "--no-progress");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("airlock.yaml:3:5: error: unknown key 'budjet' in live.memory.", run.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'budget'?", run.Error, StringComparison.Ordinal);
        Assert.Contains("airlock.yaml:5:", run.Error, StringComparison.Ordinal);
        Assert.Contains("write /health/ready, not a full URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LiveAgainstTheSample_OneReportWithStaticAndLiveRows()
    {
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=cli-revision");
        using var repo = Repository();

        var healthy = await CliRun.InvokeAsync("check", repo.Root, "--live", sample.Url.ToString(), "--expect-revision", "cli-revision", "--json", "--no-progress");

        Assert.Equal(ExitCodes.Ok, healthy.ExitCode);
        using var document = JsonDocument.Parse(healthy.Out);
        var rows = document.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("id").GetString() == "secrets.history");
        var version = rows.Single(r => r.GetProperty("id").GetString() == "live.version");
        Assert.Equal("pass", version.GetProperty("result").GetString());
        Assert.Contains("GET /version", version.GetProperty("test").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LiveWrongRevision_ExitsOne()
    {
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=cli-revision");
        using var repo = Repository();

        var run = await CliRun.InvokeAsync("check", repo.Root, "--only", "live", "--live", sample.Url.ToString(), "--expect-revision", "other-revision", "--no-progress", "--json");

        Assert.Equal(ExitCodes.LaunchBlocked, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var version = document.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "live.version");
        Assert.Equal("fail", version.GetProperty("result").GetString());
        Assert.Contains("serving 'cli-revision', expected other-revision", version.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.All(document.RootElement.GetProperty("rows").EnumerateArray(), r => Assert.StartsWith("live.", r.GetProperty("id").GetString(), StringComparison.Ordinal));
    }

    private static TestRepository Repository()
    {
        var repo = new TestRepository();

        // Room for a loaded, shared build machine: only the behaviour under test should decide the rows.
        repo.Write("README.md", "hello\n").Write("airlock.yaml", "live:\n  timeout: 45s\n  deadline: 180s\n").Commit();
        return repo;
    }
}
