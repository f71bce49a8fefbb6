using Airlock.Readiness.CustomChecks;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>
/// <c>airlock check --live URL</c>: the launch-day failure modes that only show on a running revision, as rows of
/// the same rubric (docs/checks/live.md). Rows run concurrently, each as its own simulated user, under one deadline;
/// the secrets row then reads every response the others received.
/// </summary>
internal sealed class LiveCheck(LiveTarget target, IWidgetProbe widget) : IReadinessCheck
{
    public const string CheckId = "live";

    public string Id => CheckId;

    public LiveTarget Target { get; } = target;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = context.Config.Live;
        using var session = new LiveSession(Target, config, context.Time);
        var head = await context.Git.RunAsync(["rev-parse", "--verify", "--quiet", "HEAD"], cancellationToken);
        var rows = CreateRows(head.Succeeded ? head.StandardOutput.Trim() : null, config);

        using var deadline = new CancellationTokenSource(config.Deadline, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var done = 0;
        context.Progress.Report(new CheckProgress(CheckId, "probing " + Target.BaseUri, 0, rows.Count + 1, "rows"));
        var results = await Task.WhenAll(rows.Select(async row =>
        {
            var result = await RunRowAsync(row, session, deadline, linked.Token, cancellationToken);
            context.Progress.Report(new CheckProgress(CheckId, "probing " + Target.BaseUri, Interlocked.Increment(ref done), rows.Count + 1, "rows"));
            return result;
        }));
        RubricRow[] all = [.. results.Select((row, i) => rows[i] is HealthRow health ? health.Reconcile(row, session) : row), SecretsInResponsesRow.Run(session)];
        return LiveRedaction.Scrub(all, SecretsInResponsesRow.Values(session).Values.Concat(PersonaRow.Canary(session) is { } canary ? [canary] : []));
    }

    private List<ILiveRow> CreateRows(string? head, Core.Config.Live.LiveConfig config)
    {
        var slugs = CheckSlug.Unique(config.Probes.Select(p => p.Name));
        return
        [
            new HealthRow(),
            new KnownBadInputRow(),
            new VersionRow(head),
            new RateLimitRow(),
            new DegradationRow(),
            new PersonaRow(),
            new RetrievalRow(),
            new TimeZoneRow(),
            new MemoryRow(),
            new WidgetRow(widget),
            new StreamingRow(),
            .. config.Probes.Select((probe, i) => new TeamProbeRow(probe, slugs[i])),
        ];
    }

    private static async Task<RubricRow> RunRowAsync(ILiveRow row, LiveSession session, CancellationTokenSource deadline, CancellationToken token, CancellationToken outer)
    {
        // Yield first so that one row's synchronous start never delays the others.
        await Task.Yield();
        try
        {
            return await row.RunAsync(session, token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !outer.IsCancellationRequested)
        {
            return row.Template(session).Fail($"did not finish within live.deadline ({session.Config.Deadline.TotalSeconds:0.###} s)");
        }
        catch (LiveBudgetExhaustedException ex)
        {
            return row.Template(session).Fail($"stopped: {ex.Message}");
        }
    }
}
