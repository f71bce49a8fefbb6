using System.Globalization;
using Airlock.Rollouts.Store;
using Spectre.Console;

namespace Airlock.Cli.Demo;

/// <summary>
/// Tells a rollout as it happens: every new ledger entry as a line, and the live figures (phase, weight, requests
/// sent and failed) as a spinner on a terminal or a plain line every few seconds in CI.
/// </summary>
internal sealed class DemoNarrator(IRolloutStore store, IAnsiConsole console, bool live, DemoTraffic? traffic, DateTimeOffset origin, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(10);

    public DemoTraffic? Traffic { get; set; } = traffic;

    /// <summary>Follows rollout <paramref name="id"/> until it ends or <paramref name="limit"/> passes; returns its last record and whole ledger.</summary>
    public async Task<(RolloutRecord Record, IReadOnlyList<LedgerEntry> Ledger)> FollowAsync(long id, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (live)
        {
            (RolloutRecord, IReadOnlyList<LedgerEntry>) result = default;
            await console.Status().Spinner(Spinner.Known.Dots).StartAsync("starting", async context =>
            {
                result = await LoopAsync(id, limit, status => context.Status(Markup.Escape(status)), cancellationToken);
            });
            return result;
        }

        var lastPlain = time.GetUtcNow();
        return await LoopAsync(id, limit, status =>
        {
            if (time.GetUtcNow() - lastPlain >= PlainEvery)
            {
                lastPlain = time.GetUtcNow();
                console.WriteLine($"{Offset(lastPlain)}   … {status}");
            }
        }, cancellationToken);
    }

    private async Task<(RolloutRecord, IReadOnlyList<LedgerEntry>)> LoopAsync(long id, TimeSpan limit, Action<string> status, CancellationToken cancellationToken)
    {
        var ledger = new List<LedgerEntry>();
        var deadline = time.GetUtcNow() + limit;
        while (true)
        {
            var record = await store.GetAsync(id, cancellationToken) ?? throw new InvalidOperationException($"rollout {id} is not in the store");
            foreach (var entry in await store.ReadLedgerAsync(id, ledger.Count == 0 ? 0 : ledger[^1].Sequence, cancellationToken))
            {
                ledger.Add(entry);
                console.MarkupLine($"[grey]{Offset(entry.At)}[/] {Style(entry.Kind)}{Markup.Escape(entry.Message)}[/]");
            }

            if (RolloutPhases.IsTerminal(record.Status.Phase))
            {
                return (record, ledger);
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"rollout {id} ({record.Candidate}) did not end within {limit.TotalSeconds:0} s; it is {record.Status.Phase}: {record.Status.Message}");
            }

            var figures = Traffic is { } t
                ? string.Create(CultureInfo.InvariantCulture, $" · {t.Sent} requests sent, {t.Failed} failed")
                : string.Empty;
            status(string.Create(CultureInfo.InvariantCulture, $"{record.Candidate}: {record.Status.Phase.ToString().ToLowerInvariant()}, {record.Status.CandidateWeight}% of traffic{figures}"));
            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    public string Offset(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"+{(at - origin).TotalSeconds,6:0.0}s");

    private static string Style(string kind) => kind switch
    {
        "promoted" => "[green bold]",
        "rolled_back" or "rollback_started" or "aborted" or "failed" => "[red bold]",
        "step" => "[blue]",
        _ => "[default]",
    };
}
