using System.Diagnostics;

namespace Airlock.Rollouts.Tests.Metrics;

/// <summary>Runs <c>promtool check metrics</c> (Debian's prometheus package; test.sh installs it as root).</summary>
internal static class Promtool
{
    public static async Task AssertValidAsync(string exposition)
    {
        var start = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var promtool = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        await promtool.StandardInput.WriteAsync(exposition);
        promtool.StandardInput.Close();
        var output = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        Assert.True(promtool.ExitCode == 0, $"promtool check metrics failed:\n{output}\n---\n{exposition}");
    }
}
