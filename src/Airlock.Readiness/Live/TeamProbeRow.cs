using Airlock.Core.Config.Live;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>A team's own probe from <c>live.probes</c>: one request, one expectation, one row.</summary>
internal sealed class TeamProbeRow(LiveProbeConfig probe, string slug) : ILiveRow
{
    public RubricRowTemplate Template(LiveSession session) => new()
    {
        CheckId = LiveCheck.CheckId,
        Row = "probe." + slug,
        FailureMode = probe.Name,
        Test = $"{probe.Request}{(probe.Request.Body is null ? string.Empty : $" with body {LiveText.Quote(probe.Request.Body)}")} → {ProbeExpectation.Describe(probe.Expect)}",
        Severity = probe.Severity,
        Step = probe.Step,
        Fix = probe.Fix ?? $"Send {probe.Request} yourself and compare with the expectation declared at {probe.Location}.",
    };

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        var exchange = await session.SendAsync(session.NewUser("probe user"), probe.Request, cancellationToken);
        var problems = ProbeExpectation.Mismatches(exchange, probe.Expect);
        var declared = new Evidence($"declared at {probe.Location}");
        var row = problems.Count == 0
            ? template.Pass(exchange.Outcome, [LiveText.Of(exchange), declared])
            : template.Fail(problems[0], [LiveText.Of(exchange), .. problems.Skip(1).Select(p => new Evidence(p)), declared]);
        return row with { Owner = probe.Owner };
    }
}
