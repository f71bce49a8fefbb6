using System.Diagnostics;
using System.Globalization;

namespace Airlock.ChatAgent.Tests;

/// <summary>Prometheus text checks: Debian's promtool (test.sh installs the prometheus package) and reading one series.</summary>
internal static class Promtool
{
    public static async Task AssertValidAsync(string text)
    {
        var start = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var promtool = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        await promtool.StandardInput.WriteAsync(text);
        promtool.StandardInput.Close();
        var output = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        Assert.True(promtool.ExitCode == 0, $"promtool check metrics failed:\n{output}\n---\n{text}");
    }

    public static double Value(string text, string series)
    {
        var lines = text.Split('\n').Where(l => l.StartsWith(series + " ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"expected one '{series}' line in:\n{text}");
        return double.Parse(lines[0][(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
