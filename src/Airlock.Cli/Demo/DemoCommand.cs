using System.CommandLine;
using Airlock.Cli.Hosting;
using Airlock.Rollouts.Runtime;
using Spectre.Console;

namespace Airlock.Cli.Demo;

/// <summary>
/// <c>airlock demo</c>: the whole story on the embedded defaults, in one process: build the ChatAgent, audit it, serve
/// it behind the proxy, drive traffic, ship a healthy v2 through the canary steps and watch a faulty v3 roll back.
/// </summary>
internal sealed class DemoCommand : AirlockCommand
{
    public DemoCommand(CliConsole console)
        : base("demo", "Watch Airlock work: deploy the ChatAgent sample, ship a healthy v2 to 100% and see a faulty v3 roll back (docs/demo.md).", console)
    {
        Options.Add(KeepOption);
        Options.Add(DirOption);
        Options.Add(RateOption);
    }

    internal Option<bool> KeepOption { get; } = new("--keep")
    {
        Description = "Leave serve, the proxy and the live revision running afterwards to explore (Ctrl+C stops serve; the demo says how to stop the rest).",
    };

    internal Option<string?> DirOption { get; } = new("--dir")
    {
        Description = "A new or empty folder for the demo project [default: a temp folder, removed at the end without --keep].",
        HelpName = "DIR",
    };

    internal Option<int> RateOption { get; } = new("--rate")
    {
        Description = "Synthetic requests per second through the proxy (1-200).",
        DefaultValueFactory = _ => 50,
    };

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var rate = parse.GetValue(RateOption);
        if (rate is < 1 or > 200)
        {
            throw new UsageException($"--rate {rate} is out of range.", "pick 1 to 200 requests per second; the demo's traffic stays on loopback and bounded");
        }

        var keep = parse.GetValue(KeepOption);
        var directory = parse.GetValue(DirOption) is { } dir ? Path.GetFullPath(dir) : Path.Combine(Path.GetTempPath(), "airlock-demo-" + Guid.NewGuid().ToString("N")[..8]);
        var time = TimeProvider.System;
        var origin = time.GetUtcNow();
        var output = Console.Out;
        var live = output.Profile.Capabilities.Interactive;

        DemoProject.EnsureUsable(directory);
        var sample = DemoSample.Locate(AppContext.BaseDirectory, Environment.CurrentDirectory);
        output.MarkupLine("[bold]Airlock demo[/]: the ChatAgent sample goes live as v1, a healthy v2 ships through the canary steps, a faulty v3 rolls back by itself.");
        if (sample.IsBuilt())
        {
            output.MarkupLine($"[grey]1/5[/] using the Release build of the ChatAgent at {Markup.Escape(sample.Assembly)}");
        }
        else
        {
            output.MarkupLine("[grey]1/5[/] building the ChatAgent sample (dotnet build -c Release) ...");
            await sample.BuildAsync(cancellationToken);
        }

        var project = await DemoProject.CreateAsync(directory, sample, LoopbackPort.Next(), LoopbackPort.Next(), cancellationToken);
        await using var run = new DemoRun(project, output, Console.Error, time, origin);
        try
        {
            return await run.ExecuteAsync(live, rate, keep, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            Console.Error.MarkupLine($"[red bold]the demo stopped:[/] {Markup.Escape(ex.Message)}");
            return ExitCodes.DemoFailed;
        }
        finally
        {
            // With --keep a finished story stays up; a demo that broke half-way is cleaned up all the same.
            if (!keep || run.Story is null)
            {
                await run.CleanUpAsync();
            }
        }
    }
}
