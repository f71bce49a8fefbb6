using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Airlock.Cli.Rollouts;

/// <summary><c>airlock history [ID]</c>: past rollouts, or one rollout's whole audit trail.</summary>
internal sealed class HistoryCommand : RolloutVerb
{
    public HistoryCommand(CliConsole console)
        : base("history", "List past rollouts, or with an ID show every event and decision of one, with its evidence.", console)
    {
        Arguments.Add(IdArgument);
        Options.Add(LimitOption);
    }

    internal Argument<long?> IdArgument { get; } = new("ID") { Arity = ArgumentArity.ZeroOrOne, Description = "A rollout's number." };

    internal Option<int> LimitOption { get; } = new("--limit", "-n") { Description = "How many rollouts to list.", DefaultValueFactory = _ => 20 };

    protected override async Task<int> RunAsync(ParseResult parse, ServeClient client, bool json, CancellationToken cancellationToken)
    {
        if (parse.GetValue(IdArgument) is { } id)
        {
            var detail = await client.GetAsync($"/api/rollouts/{id}", cancellationToken);
            if (json)
            {
                Console.RawOut.WriteLine(detail.GetRawText());
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("#", "at", "kind", "what");
            foreach (var entry in detail.GetProperty("ledger").EnumerateArray())
            {
                table.AddRow(
                    entry.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture),
                    entry.GetProperty("at").GetDateTimeOffset().ToString("u", CultureInfo.InvariantCulture),
                    Markup.Escape(entry.GetProperty("kind").GetString() ?? string.Empty),
                    Markup.Escape(entry.GetProperty("message").GetString() ?? string.Empty));
            }

            Console.Out.Write(table);
            return ExitCodes.Ok;
        }

        var list = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/rollouts?limit={parse.GetValue(LimitOption)}"), cancellationToken);
        if (json)
        {
            Console.RawOut.WriteLine(list.GetRawText());
            return ExitCodes.Ok;
        }

        var rollouts = new Table().AddColumns("#", "created", "candidate", "stable", "outcome", "last message");
        foreach (var rollout in list.EnumerateArray())
        {
            var status = rollout.GetProperty("status");
            rollouts.AddRow(
                rollout.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture),
                rollout.GetProperty("createdAt").GetDateTimeOffset().ToString("u", CultureInfo.InvariantCulture),
                Markup.Escape(rollout.GetProperty("candidate").GetString() ?? string.Empty),
                Markup.Escape(rollout.TryGetProperty("stable", out var stable) ? stable.GetString() ?? string.Empty : "-"),
                Markup.Escape(status.GetProperty("phase").GetString() ?? string.Empty),
                Markup.Escape(status.GetProperty("message").GetString() ?? string.Empty));
        }

        Console.Out.Write(rollouts);
        return ExitCodes.Ok;
    }
}
