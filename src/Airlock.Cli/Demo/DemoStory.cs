using System.Globalization;
using Airlock.Rollouts.Store;
using Spectre.Console;

namespace Airlock.Cli.Demo;

/// <summary>What the demo saw, from the ledger, the traffic loop and the proxy's counters; printed as the summary.</summary>
internal sealed record DemoStory(
    DemoRollout V1,
    DemoRollout V2,
    DemoRollout V3,
    long Sent,
    long Ok,
    long ClientErrors,
    long Failed,
    IReadOnlyList<DemoProxyCounts> PerRevision,
    TimeSpan Elapsed)
{
    /// <summary>The story the demo promises: v2 promoted, v3 rolled back by the analysis.</summary>
    public bool Happened => V2.Phase == RolloutPhase.Promoted && V3.Phase == RolloutPhase.RolledBack;

    /// <summary>Fault onset (v3's first traffic: its first canary step) to all traffic back on stable (the rollback applied).</summary>
    public TimeSpan? Detection => V3.First("step") is { } onset && V3.First("rolled_back") is { } back ? back.At - onset.At : null;

    /// <summary>Fault onset to the decision to roll back.</summary>
    public TimeSpan? Decision => V3.First("step") is { } onset && V3.First("rollback_started") is { } decided ? decided.At - onset.At : null;

    public void Write(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("what").AddColumn("result");
        table.AddRow("v1", Markup.Escape(Describe(V1)));
        table.AddRow("v2 (healthy)", Markup.Escape(Describe(V2)));
        table.AddRow("v3 (50% errors)", Markup.Escape(Describe(V3)));
        if (V3.First("rollback_started") is { } reason)
        {
            table.AddRow("why v3 was stopped", Markup.Escape(reason.Message));
        }

        table.AddRow("detection", Markup.Escape(Detection is { } detection
            ? Seconds($"{detection.TotalSeconds:0.0} s from v3's first traffic to all traffic back on stable (rollback decided after {Decision?.TotalSeconds ?? 0:0.0} s)")
            : "v3 was not rolled back"));
        table.AddRow("requests (client)", Markup.Escape(Seconds($"{Sent} sent: {Ok} answered, {Failed} failed (5xx or transport), {ClientErrors} refused (4xx)")));
        foreach (var revision in PerRevision)
        {
            table.AddRow($"  on {Markup.Escape(revision.Revision)} (proxy)", Markup.Escape(Seconds($"{revision.Requests} requests, {revision.Failed} failed")));
        }

        table.AddRow("demo took", Markup.Escape(Seconds($"{Elapsed.TotalSeconds:0} s")));
        console.Write(table);
        console.MarkupLine(Happened
            ? "[green bold]the story happened:[/] v2 was promoted step by step, v3 was rolled back automatically while users kept being served by stable."
            : "[red bold]the story did not happen as expected:[/] see the ledger lines above.");
    }

    private static string Describe(DemoRollout rollout) =>
        Seconds($"{rollout.Phase.ToString().ToLowerInvariant()} after {rollout.Duration.TotalSeconds:0.0} s: {rollout.Record.Status.Message}");

    private static string Seconds(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
