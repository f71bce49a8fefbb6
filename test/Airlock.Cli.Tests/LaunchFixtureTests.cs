using System.Diagnostics;
using System.Text.Json;

namespace Airlock.Cli.Tests;

/// <summary>The README's first command: the rubric on the fixture repository that samples/launch-fixture/create.sh builds.</summary>
public sealed class LaunchFixtureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airlock-fixture-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Check_LaunchFixture_BlocksLaunchOnEveryPlantedFailure()
    {
        CreateFixture();

        var run = await CliRun.InvokeAsync("check", _folder, "--format", "json", "--no-progress");

        Assert.Equal(ExitCodes.LaunchBlocked, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var results = document.RootElement.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("result").GetString());
        Assert.Equal("fail", results["secrets.history"]);
        Assert.Equal("fail", results["sensitive-files.history"]);
        Assert.Equal("fail", results["lfs.pointers"]);
        Assert.Equal("fail", results["environment.required"]);
        Assert.Equal("fail", results["dockerfile.non-root"]);
        Assert.Equal("fail", results["dependencies.pip"]);
        Assert.Equal("pass", results["runtime.python"]);
        Assert.Equal("pass", results["native-abi.glibc"]);
        Assert.DoesNotContain("T3Blbk", run.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void CreateFixture()
    {
        var script = Path.Combine(FindRepositoryRoot(), "samples", "launch-fixture", "create.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(_folder);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Airlock.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Airlock.slnx not found above the test folder.");
    }
}
