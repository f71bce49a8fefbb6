using System.CommandLine;
using Spectre.Console;

namespace Airlock.Cli.Rollouts;

/// <summary><c>airlock status</c>: the live revision, the rollout in progress and its latest events; <c>--watch</c> keeps it live.</summary>
internal sealed class StatusCommand : RolloutVerb
{
    public StatusCommand(CliConsole console)
        : base("status", "Show what is live, the rollout in progress, its latest verdict and events.", console)
    {
        Options.Add(WatchOption);
    }

    internal Option<bool> WatchOption { get; } = new("--watch", "-w")
    {
        Description = "Keep the view live (redrawn every second on a terminal, one block per change otherwise) until Ctrl+C.",
    };

    protected override async Task<int> RunAsync(ParseResult parse, ServeClient client, bool json, CancellationToken cancellationToken)
    {
        if (!parse.GetValue(WatchOption))
        {
            var status = await client.GetAsync("/api/status", cancellationToken);
            if (json)
            {
                Console.RawOut.WriteLine(status.GetRawText());
            }
            else
            {
                Console.Out.Write(StatusText.Render(status));
            }

            return ExitCodes.Ok;
        }

        if (!json && Console.Out.Profile.Capabilities.Interactive)
        {
            var first = await client.GetAsync("/api/status", cancellationToken);
            await Console.Out.Live(StatusText.Render(first)).StartAsync(async live =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    live.UpdateTarget(StatusText.Render(await client.GetAsync("/api/status", cancellationToken)));
                }
            });
            return ExitCodes.Ok;
        }

        string? previous = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var status = await client.GetAsync("/api/status", cancellationToken);
            var key = status.GetProperty("ledger").GetRawText() + (status.TryGetProperty("active", out var a) ? a.GetRawText() : string.Empty);
            if (key != previous)
            {
                previous = key;
                if (json)
                {
                    Console.RawOut.WriteLine(status.GetRawText());
                }
                else
                {
                    Console.Out.Write(StatusText.Render(status));
                    Console.Out.WriteLine();
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return ExitCodes.Ok;
    }
}
