using System.Diagnostics;

namespace Airlock.Cli.Tests;

/// <summary>The SARIF output checked by Microsoft's own validator (Sarif.Multitool), which ./test.sh installs.</summary>
public sealed class SarifValidationTests
{
    [Fact]
    public async Task Sarif_LaunchFixture_PassesSarifMultitoolWithoutErrorsOrWarnings()
    {
        var multitool = Environment.GetEnvironmentVariable("AIRLOCK_SARIF_MULTITOOL");
        Assert.True(
            multitool is not null && File.Exists(multitool),
            "AIRLOCK_SARIF_MULTITOOL is not set: run the tests with ./test.sh, which installs the SARIF validator.");
        using var fixture = new LaunchFixture();
        var sarif = Path.Combine(fixture.Folder, "..", Path.GetFileName(fixture.Folder) + ".sarif");

        var run = await CliRun.InvokeAsync("check", fixture.Folder, "--format", "sarif", "--output", sarif, "--no-progress");

        Assert.Equal(ExitCodes.LaunchBlocked, run.ExitCode);
        var (exitCode, output) = Validate(multitool!, sarif);
        File.Delete(sarif);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Analysis completed successfully", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(error|warning) SARIF\d+", output);
    }

    private static (int ExitCode, string Output) Validate(string multitool, string file)
    {
        var info = new ProcessStartInfo(multitool) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("validate");
        info.ArgumentList.Add(file);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
