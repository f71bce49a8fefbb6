using System.Text.Json;

namespace Airlock.Cli.Tests;

/// <summary>The README's first command: the rubric on the fixture repository that samples/launch-fixture/create.sh builds.</summary>
public sealed class LaunchFixtureTests
{
    [Fact]
    public async Task Check_LaunchFixture_BlocksLaunchOnEveryPlantedFailure()
    {
        using var fixture = new LaunchFixture();

        var run = await CliRun.InvokeAsync("check", fixture.Folder, "--format", "json", "--no-progress");

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
}
