using System.Diagnostics;
using System.Text;

namespace Airlock.Cli.Demo;

/// <summary>Runs a short tool (dotnet build, git) to the end and keeps its combined output for an error message.</summary>
internal static class DemoProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} could not be started");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
