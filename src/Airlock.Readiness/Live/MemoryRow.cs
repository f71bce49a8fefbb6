using System.Globalization;
using Airlock.Core.Config.Live;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>Row 9: resident memory after startup and after a bounded load stays under the budget (from the service's /metrics).</summary>
internal sealed class MemoryRow : ILiveRow
{
    public RubricRowTemplate Template(LiveSession session)
    {
        var m = session.Config.Memory;
        return new()
        {
            CheckId = LiveCheck.CheckId,
            Row = "memory",
            FailureMode = "Memory exhausted: resident memory over the host's budget at startup or under load",
            Test = $"GET {m.Metrics} → {m.Metric} ≤ {Size(m.Budget)}; {m.Load} × POST {session.Config.Turn.Path}; GET {m.Metrics} again → still ≤ {Size(m.Budget)}",
            Severity = Severity.BlocksLaunch,
            Step = CountdownStep.Deploy,
            Fix = "Find what is held at startup (a whole corpus, a cache without a bound) and stream or cap it; or raise live.memory.budget if the host really has the memory.",
        };
    }

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        var m = session.Config.Memory;
        var user = session.NewUser("memory user");
        var before = await session.SendAsync(user, new LiveRequestConfig { Path = m.Metrics }, cancellationToken);
        if (!before.Succeeded)
        {
            return template.Skipped($"no metrics at {m.Metrics} ({LiveText.Describe(before)}): expose {m.Metric} in Prometheus text", [LiveText.Of(before)]);
        }

        if (PrometheusSample.Find(before.Body, m.Metric) is not { } atStart)
        {
            return template.Skipped($"{m.Metrics} has no {m.Metric}: add it (the resident set size in bytes) to read memory", [LiveText.Of(before)]);
        }

        // The load arrives at once, as a burst of users would: peak memory under concurrency is what a budget is for.
        var load = await Task.WhenAll(Enumerable.Range(0, m.Load).Select(i =>
            session.TurnAsync(user, i % 2 == 0 ? "How do I get started?" : "When is support open?", cancellationToken)));
        var failedTurns = load.Count(turn => !turn.Succeeded);

        var after = await session.SendAsync(user, new LiveRequestConfig { Path = m.Metrics }, cancellationToken);
        var afterLoad = after.Succeeded ? PrometheusSample.Find(after.Body, m.Metric) : null;
        var evidence = new Evidence($"{m.Metric}: {Size((long)atStart)} after startup, {(afterLoad is { } a ? Size((long)a) : $"unreadable ({LiveText.Describe(after)})")} after {m.Load} turns ({failedTurns} failed); budget {Size(m.Budget)}");
        var peak = Math.Max(atStart, afterLoad ?? 0);
        if (peak > m.Budget)
        {
            return template.Fail($"{Size((long)peak)} resident, over the {Size(m.Budget)} budget", [evidence]);
        }

        return afterLoad is null
            ? template.Fail($"the second reading failed: {LiveText.Describe(after)}", [evidence])
            : template.Pass($"{Size((long)peak)} at most, under {Size(m.Budget)}", [evidence]);
    }

    internal static string Size(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MiB");
}
