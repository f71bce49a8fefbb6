using Airlock.Core.Config.Live;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>Row 3: what is running is what was deployed: the version endpoint reports the expected revision.</summary>
internal sealed class VersionRow(string? repositoryHead) : ILiveRow
{
    /// <summary>Abbreviated commit ids shorter than git's default are too ambiguous to accept as a match.</summary>
    private const int MinimumPrefix = 7;

    public RubricRowTemplate Template(LiveSession session) => new()
    {
        CheckId = LiveCheck.CheckId,
        Row = "version",
        FailureMode = "What is serving is not what was deployed (an \"exit 0\" deploy that changed nothing)",
        Test = $"GET {session.Config.Version.Path} → 200, JSON {session.Config.Version.Field} = {Expected(session).Text}",
        Severity = Severity.BlocksLaunch,
        Step = CountdownStep.Deploy,
        Fix = "Redeploy and verify by asking the service, not by the deploy command's exit code; if another revision is meant, pass --expect-revision.",
    };

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        var (expected, text) = Expected(session);
        var exchange = await session.SendAsync(session.NewUser("version user"), new LiveRequestConfig { Path = session.Config.Version.Path }, cancellationToken);
        if (!exchange.Succeeded)
        {
            return template.Fail($"the version endpoint did not answer: {LiveText.Describe(exchange)}", [LiveText.Of(exchange)]);
        }

        var actual = LiveText.String(LiveSession.Json(exchange), session.Config.Version.Field);
        if (actual is null)
        {
            return template.Fail($"no '{session.Config.Version.Field}' in the answer: {LiveText.Excerpt(exchange.Body)}", [LiveText.Of(exchange)]);
        }

        if (expected is null)
        {
            return template.Skipped($"serving '{actual}', but there is nothing to compare it with: pass --expect-revision or set live.version.expect", [LiveText.Of(exchange)]);
        }

        return Matches(actual, expected)
            ? template.Pass($"serving {actual}", [LiveText.Of(exchange, $"{session.Config.Version.Field} = {actual}")])
            : template.Fail($"serving '{actual}', expected {text}", [LiveText.Of(exchange, $"{session.Config.Version.Field} = {actual}")]);
    }

    /// <summary>Equal, or one an abbreviation of the other (a short commit id against a full one).</summary>
    internal static bool Matches(string actual, string expected)
    {
        if (string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var (shorter, longer) = actual.Length < expected.Length ? (actual, expected) : (expected, actual);
        return shorter.Length >= MinimumPrefix && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase);
    }

    private (string? Value, string Text) Expected(LiveSession session) =>
        session.Target.ExpectRevision is { } flag ? (flag, $"{flag} (--expect-revision)")
        : session.Config.Version.Expect is { } configured ? (configured, $"{configured} (live.version.expect)")
        : repositoryHead is { } head ? (head, $"{head[..Math.Min(12, head.Length)]} (the repository's HEAD)")
        : (null, "(no expected revision: no --expect-revision, live.version.expect or HEAD)");
}
