using System.Collections.Immutable;
using Airlock.Core.Config.Live;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>Row 1: liveness and readiness answer, and readiness agrees with what a real turn does.</summary>
internal sealed class HealthRow : ILiveRow
{
    public const string SmokeMessage = "Hello";

    public RubricRowTemplate Template(LiveSession session) => new()
    {
        CheckId = LiveCheck.CheckId,
        Row = "health",
        FailureMode = "The service is not up, or its readiness does not reflect reality",
        Test = $"GET {session.Config.Health.Live} → 2xx; GET {session.Config.Health.Ready} → 200; " +
            $"POST {session.Config.Turn.Path} '{SmokeMessage}' → 200; and no turn of the whole run answered 5xx or nothing (a ready service must answer its turns)",
        Severity = Severity.BlocksLaunch,
        Step = CountdownStep.Deploy,
        Fix = "Make the liveness path answer while the process serves, and the readiness path return 503 exactly when a turn cannot succeed.",
    };

    /// <summary>
    /// Judged again once every row has run: readiness that said "ready" while some of the run's turns failed with a 5xx
    /// (or got no response) does not reflect reality, however its own smoke turn went.
    /// </summary>
    public RubricRow Reconcile(RubricRow row, LiveSession session)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(session);
        if (row.Result != CheckResult.Pass)
        {
            return row;
        }

        var turns = session.Exchanges.Where(e => e.Method == "POST" && e.Path.StartsWith(session.Config.Turn.Path, StringComparison.Ordinal)).ToList();
        var failed = turns.Where(e => e.Status is null or >= 500).ToList();
        if (failed.Count == 0)
        {
            return row with { Summary = $"{row.Summary}; all {turns.Count} turns of the run answered without a 5xx" };
        }

        var codes = string.Join(", ", failed.GroupBy(e => e.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response").Select(g => $"{g.Count()} × {g.Key}"));
        return Template(session).Fail(
            $"readiness says ready but {failed.Count} of {turns.Count} turns this run failed ({codes}): readiness does not reflect reality",
            [.. row.Evidence, .. failed.Take(3).Select(e => LiveText.Of(e, LiveText.Describe(e)))]);
    }

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        var user = session.NewUser("health user");
        var live = await session.SendAsync(user, new LiveRequestConfig { Path = session.Config.Health.Live }, cancellationToken);
        var ready = await session.SendAsync(user, new LiveRequestConfig { Path = session.Config.Health.Ready }, cancellationToken);
        var turn = await session.TurnAsync(user, SmokeMessage, cancellationToken);
        ImmutableArray<Evidence> evidence =
        [
            LiveText.Of(live),
            LiveText.Of(ready, ready.Status == 200 ? null : LiveText.Excerpt(ready.Body)),
            LiveText.Of(turn, turn.Succeeded ? null : LiveText.Describe(turn)),
        ];

        if (!live.Succeeded)
        {
            return template.Fail($"liveness failed: {LiveText.Describe(live)}", evidence);
        }

        return (ready.Status == 200, turn.Succeeded) switch
        {
            (true, true) => template.Pass("live, ready, and a turn answered", evidence),
            (true, false) => template.Fail($"readiness says ready but a turn failed ({LiveText.Describe(turn)}): readiness does not reflect reality", evidence),
            (false, true) => template.Fail($"readiness says not ready ({ready.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ready.Error}) while turns answer: no router will send it traffic", evidence),
            (false, false) => template.Fail($"not ready ({LiveText.Describe(ready)}) and a turn failed", evidence),
        };
    }
}
