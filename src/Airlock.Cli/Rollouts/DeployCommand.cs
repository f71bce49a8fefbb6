using System.Collections.Immutable;
using System.CommandLine;
using Airlock.Cli.Hosting;
using Spectre.Console;

namespace Airlock.Cli.Rollouts;

/// <summary><c>airlock deploy REVISION</c>: asks serve to roll the revision out; <c>--wait</c> follows it to the end.</summary>
internal sealed class DeployCommand : RolloutVerb
{
    public DeployCommand(CliConsole console)
        : base("deploy", "Roll out a new revision beside the live one: preflight, health gate, verification, canary steps, automatic rollback.", console)
    {
        Arguments.Add(RevisionArgument);
        Options.Add(EnvOption);
        Options.Add(ForceOption);
        Options.Add(ReasonOption);
        Options.Add(WaitOption);
    }

    internal Argument<string> RevisionArgument { get; } = new("REVISION")
    {
        Description = "The revision's name (v2, 2026-11-22.1): passed to the service as {revision}.",
    };

    internal Option<string[]> EnvOption { get; } = new("--env", "-e")
    {
        Description = "NAME=VALUE added to this revision's environment; repeat for several. Values are never shown back.",
        HelpName = "NAME=VALUE",
    };

    internal Option<bool> ForceOption { get; } = new("--force")
    {
        Description = "Go on even when preflight rows that block launch fail (needs --reason; the audit trail keeps it).",
    };

    internal Option<string?> ReasonOption { get; } = new("--reason")
    {
        Description = "Why --force is justified.",
        HelpName = "TEXT",
    };

    internal Option<bool> WaitOption { get; } = new("--wait")
    {
        Description = "Follow the rollout until it ends: exit 0 when promoted, 1 when rolled back, aborted or failed.",
    };

    protected override async Task<int> RunAsync(ParseResult parse, ServeClient client, bool json, CancellationToken cancellationToken)
    {
        var environment = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var pair in parse.GetValue(EnvOption) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--env '{pair.Split('=')[0]}' is not NAME=VALUE.", "for example --env Faults__ErrorRate=0.5");
            }

            environment[pair[..equals]] = pair[(equals + 1)..];
        }

        var force = parse.GetValue(ForceOption);
        var reason = parse.GetValue(ReasonOption);
        if (force && string.IsNullOrWhiteSpace(reason))
        {
            throw new UsageException("--force needs --reason.", "say why launching past failed Blocks Launch rows is justified; the audit trail keeps it");
        }

        var body = new { revision = parse.GetRequiredValue(RevisionArgument), environment = environment.ToImmutable(), force, reason };
        var (status, answer) = await client.PostAsync("/api/rollouts", body, cancellationToken);
        var code = Answer(status, answer, json && !parse.GetValue(WaitOption));
        if (code != ExitCodes.Ok || !parse.GetValue(WaitOption))
        {
            return code;
        }

        var id = answer.GetProperty("rolloutId").GetInt64();
        return await FollowAsync(client, id, json, cancellationToken);
    }

    /// <summary>Prints each new ledger entry as it happens until the rollout reaches a terminal phase.</summary>
    private async Task<int> FollowAsync(ServeClient client, long id, bool json, CancellationToken cancellationToken)
    {
        long seen = 0;
        while (true)
        {
            var detail = await client.GetAsync($"/api/rollouts/{id}", cancellationToken);
            foreach (var entry in detail.GetProperty("ledger").EnumerateArray())
            {
                var sequence = entry.GetProperty("sequence").GetInt64();
                if (sequence > seen && !json)
                {
                    seen = sequence;
                    Console.Out.MarkupLine($"[grey]{entry.GetProperty("at").GetDateTimeOffset():HH:mm:ss}[/] {Markup.Escape(entry.GetProperty("message").GetString() ?? string.Empty)}");
                }
            }

            var phase = detail.GetProperty("rollout").GetProperty("status").GetProperty("phase").GetString();
            if (phase is "promoted" or "rolled_back" or "aborted" or "failed" or "superseded")
            {
                if (json)
                {
                    Console.RawOut.WriteLine(detail.GetRawText());
                }

                return phase == "promoted" ? ExitCodes.Ok : ExitCodes.Refused;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }
}
