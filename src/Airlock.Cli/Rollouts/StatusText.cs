using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Airlock.Cli.Rollouts;

/// <summary>Draws serve's status document for a person: what is live, what is being tried, why, and the latest events.</summary>
internal static class StatusText
{
    private const int LedgerLines = 8;

    public static IRenderable Render(JsonElement status)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        var service = status.GetProperty("service").GetString() ?? "?";
        grid.AddRow(new Markup("[bold]service[/]"), new Text(service));
        grid.AddRow(new Markup("[bold]live[/]"), new Text(status.TryGetProperty("stable", out var stable)
            ? $"{stable.GetProperty("revision").GetString()} since {stable.GetProperty("since").GetDateTimeOffset().ToString("u", CultureInfo.InvariantCulture)}"
            : "nothing deployed yet"));
        if (status.TryGetProperty("active", out var active))
        {
            var s = active.GetProperty("status");
            grid.AddRow(new Markup("[bold]rollout[/]"), new Text(string.Create(CultureInfo.InvariantCulture,
                $"#{active.GetProperty("id").GetInt64()}: {active.GetProperty("candidate").GetString()} at {s.GetProperty("candidateWeight").GetInt32()}%, {s.GetProperty("phase").GetString()}, step {s.GetProperty("stepIndex").GetInt32()}{(s.GetProperty("pausedByUser").GetBoolean() ? " (paused)" : string.Empty)}")));
            grid.AddRow(new Markup("[bold]now[/]"), new Text(s.GetProperty("message").GetString() ?? string.Empty));
            if (s.TryGetProperty("waitingForApproval", out var gate))
            {
                grid.AddRow(new Markup("[bold yellow]waiting[/]"), new Text($"approval '{gate.GetString()}': airlock approve"));
            }
        }
        else if (status.TryGetProperty("last", out var last))
        {
            var s = last.GetProperty("status");
            grid.AddRow(new Markup("[bold]last rollout[/]"), new Text(string.Create(CultureInfo.InvariantCulture,
                $"#{last.GetProperty("id").GetInt64()}: {last.GetProperty("candidate").GetString()} {s.GetProperty("phase").GetString()}: {s.GetProperty("message").GetString()}")));
        }

        if (status.TryGetProperty("lastVerdict", out var verdict))
        {
            foreach (var condition in verdict.GetProperty("rollback").EnumerateArray())
            {
                grid.AddRow(new Markup($"[bold]{Markup.Escape(condition.GetProperty("kind").GetString() ?? "?")}[/]"), new Text(condition.GetProperty("sentence").GetString() ?? string.Empty));
            }
        }

        if (status.TryGetProperty("lastError", out var error))
        {
            grid.AddRow(new Markup("[bold red]error[/]"), new Text(error.GetString() ?? string.Empty));
        }

        var ledger = status.GetProperty("ledger").EnumerateArray().ToList();
        foreach (var entry in ledger.Skip(Math.Max(0, ledger.Count - LedgerLines)))
        {
            grid.AddRow(
                new Markup($"[grey]{entry.GetProperty("at").GetDateTimeOffset().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}[/]"),
                new Text(entry.GetProperty("message").GetString() ?? string.Empty));
        }

        return grid;
    }
}
