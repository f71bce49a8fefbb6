using System.CommandLine;

namespace Airlock.Cli;

/// <summary>The root command and the entry point shared by the executable and the tests.</summary>
internal static class AirlockCli
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Airlock takes a service from \"works on my machine\" to \"works for a stranger\".");
        var parse = root.Parse(args);
        return await parse.InvokeAsync(cancellationToken: cancellationToken);
    }
}
