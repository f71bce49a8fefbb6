using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>Row 2: a known-bad request gets the service's own error, not a generic 500 or a platform error page.</summary>
internal sealed class KnownBadInputRow : ILiveRow
{
    public RubricRowTemplate Template(LiveSession session)
    {
        var probe = session.Config.KnownBad;
        return new()
        {
            CheckId = LiveCheck.CheckId,
            Row = "known-bad-input",
            FailureMode = "Bad input gets a generic 500 or a platform error page instead of the service's own error",
            Test = $"{probe.Request} with body {LiveText.Quote(probe.Request.Body ?? "(none)")} → {ProbeExpectation.Describe(probe.Expect)}",
            Severity = Severity.DegradesIt,
            Step = CountdownStep.Deploy,
            Fix = "Validate input in the app and answer with its own problem code (RFC 9457); if the code is right, check what sits in front of the app is not replacing it.",
        };
    }

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        var exchange = await session.SendAsync(session.NewUser("known-bad user"), session.Config.KnownBad.Request, cancellationToken);
        var problems = ProbeExpectation.Mismatches(exchange, session.Config.KnownBad.Expect);
        return problems.Count == 0
            ? template.Pass($"the service's own error: {LiveText.Excerpt(exchange.Body)}", [LiveText.Of(exchange)])
            : template.Fail(problems[0], [LiveText.Of(exchange), .. problems.Skip(1).Select(p => new Evidence(p))]);
    }
}
