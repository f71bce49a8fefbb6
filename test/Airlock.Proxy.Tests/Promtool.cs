using System.Diagnostics;

namespace Airlock.Proxy.Tests;

/// <summary>Debian's <c>promtool</c> (package prometheus; test.sh installs it), found on PATH.</summary>
internal static class Promtool
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "promtool"))
        .FirstOrDefault(File.Exists);

    /// <summary>Runs <c>promtool check metrics</c> on the text; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string text)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("promtool is not on PATH"), "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout + await stderr);
    }
}
