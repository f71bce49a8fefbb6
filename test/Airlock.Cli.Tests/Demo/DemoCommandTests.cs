namespace Airlock.Cli.Tests.Demo;

/// <summary>
/// The demo end to end: the real ChatAgent, the real proxy and serve, real traffic on loopback. Takes a minute or two
/// (the canary pauses), so it carries its own category: <c>dotnet test --filter Category=Demo</c>.
/// </summary>
public sealed class DemoCommandTests
{
    [Fact]
    [Trait("Category", "Demo")]
    public async Task Demo_DefaultStory_PromotesV2RollsBackV3AndLeavesNothingRunning()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"airlock-demo-test-{Guid.NewGuid():N}");

        var run = await CliRun.InvokeAsync("demo", "--dir", directory, "--rate", "40");

        Assert.True(run.ExitCode == ExitCodes.Ok, $"exit {run.ExitCode}\n{run.Out}\n{run.Error}");
        Assert.Contains("the story happened", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"v2 \(healthy\)[^\n]*promoted after", run.Out);
        Assert.Matches(@"v3 \(50% errors\)[^\n]*rolledback after", run.Out);
        Assert.Matches(@"detection[^\n]*\d+\.\d s from v3's first traffic to all traffic back on stable", run.Out);
        Assert.Contains("rolled back: all traffic on v2", run.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory), "the demo folder was left behind");
        Assert.Empty(ProcessesIn(directory));
    }

    [Fact]
    public async Task Demo_RateOutOfRange_ExitsWithUsageError()
    {
        var run = await CliRun.InvokeAsync("demo", "--rate", "0");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--rate 0 is out of range", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_DirNotEmpty_ExitsWithUsageErrorAndKeepsTheFolder()
    {
        var directory = Directory.CreateTempSubdirectory("airlock-demo-full-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "mine.txt"), "keep me");
        try
        {
            var run = await CliRun.InvokeAsync("demo", "--dir", directory);

            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            Assert.Contains("exists and is not empty", run.Error, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(directory, "mine.txt")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Processes whose working folder is inside <paramref name="directory"/>: every revision and the proxy run there.</summary>
    private static List<int> ProcessesIn(string directory)
    {
        var found = new List<int>();
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid))
            {
                continue;
            }

            try
            {
                var cwd = new FileInfo(Path.Combine(proc, "cwd")).LinkTarget;
                if (cwd is not null && cwd.StartsWith(directory, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's process: not one the demo started.
            }
        }

        return found;
    }
}
