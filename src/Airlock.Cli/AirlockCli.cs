using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Airlock.Cli.Check;
using Airlock.Cli.Demo;
using Airlock.Cli.Hosting;
using Airlock.Cli.Lint;
using Airlock.Cli.Proxy;
using Airlock.Cli.Rollouts;
using Airlock.Cli.Serve;
using Spectre.Console;

namespace Airlock.Cli;

/// <summary>The root command and the entry point shared by the executable and the tests.</summary>
internal static class AirlockCli
{
    public static RootCommand CreateRoot(CliConsole console)
    {
        var root = new RootCommand(
            "Airlock takes a service from \"works on my machine\" to \"works for a stranger\": it audits a project " +
            "for the ways launches fail, and ships new revisions in steps with automatic rollback.");
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersionAction(console);
        }

        root.Subcommands.Add(new CheckCommand(console));
        root.Subcommands.Add(new LintCommand(console));
        root.Subcommands.Add(new ProxyCommand(console));
        root.Subcommands.Add(new ServeCommand(console));
        root.Subcommands.Add(new DeployCommand(console));
        root.Subcommands.Add(new StatusCommand(console));
        foreach (var action in ActionCommand.CreateAll(console))
        {
            root.Subcommands.Add(action);
        }

        root.Subcommands.Add(new HistoryCommand(console));
        root.Subcommands.Add(new DemoCommand(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = CreateRoot(console);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = console.RawOut, Error = console.RawOut };
        if (parse.Errors.Count > 0 && parse.Action is not (HelpAction or PrintVersionAction))
        {
            foreach (var error in parse.Errors)
            {
                console.Error.MarkupLine($"[red bold]error:[/] {Markup.Escape(error.Message)}");
            }

            var verb = parse.CommandResult.Command == root ? string.Empty : " " + parse.CommandResult.Command.Name;
            console.Error.MarkupLine($"  [grey]hint:[/] see 'airlock{Markup.Escape(verb)} --help'");
            return ExitCodes.UsageError;
        }

        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    private sealed class PrintVersionAction(CliConsole console) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            console.RawOut.WriteLine(ToolVersion.Display);
            return ExitCodes.Ok;
        }
    }
}
