using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>
/// Row 5: turns that call tools end in words, never a hang or a 5xx. Against a revision started with its degradation
/// switches on (the sample's Faults:ToolTimeout, Faults:UpstreamGarbage), this exercises the slow and broken upstream
/// paths; readiness says which switches are on, and the row says whether they were.
/// </summary>
internal sealed class DegradationRow : ILiveRow
{
    public RubricRowTemplate Template(LiveSession session) => new()
    {
        CheckId = LiveCheck.CheckId,
        Row = "degradation",
        FailureMode = "A slow or broken upstream (tool timeout, non-JSON answer) hangs the turn or breaks it with a 500",
        Test = $"{string.Join("; ", session.Config.Degradation.Messages.Select(m => $"POST {session.Config.Turn.Path} {LiveText.Quote(m)}"))} " +
            $"→ 200 with an answer in words within {session.Config.Timeout.TotalSeconds:0.###} s; switches read from GET {session.Config.Health.Ready} ({string.Join(", ", session.Config.Degradation.Switches)})",
        Severity = Severity.DegradesIt,
        Step = CountdownStep.OpenUrl,
        Fix = "Give every tool and upstream call a timeout and validate what comes back; turn a failure into a message to the user (and a metric), never an exception.",
    };

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        var user = session.NewUser("degradation user");
        var ready = await session.SendAsync(user, new Core.Config.Live.LiveRequestConfig { Path = session.Config.Health.Ready }, cancellationToken);
        var readyJson = LiveSession.Json(ready);
        var on = session.Config.Degradation.Switches.Where(path => LiveText.String(readyJson, path) is { } value && value != "false" && value != "0" && value != "null").ToList();

        var failures = new List<Evidence>();
        var passes = new List<Evidence>();
        var exchanges = await Task.WhenAll(session.Config.Degradation.Messages.Select(m => session.TurnAsync(user, m, cancellationToken)));
        foreach (var (message, exchange) in session.Config.Degradation.Messages.Zip(exchanges))
        {
            var answer = TurnAnswer.Read(session, exchange);
            var notes = answer.Json is { } json && Core.Config.Live.JsonValuePath.Find(json, "notes") is { } n ? $" (notes: {LiveText.Excerpt(n.GetRawText())})" : string.Empty;
            if (answer.InWords)
            {
                passes.Add(LiveText.Of(answer.Exchange, $"{LiveText.Quote(message)} → {LiveText.Quote(answer.Text!)}{notes}"));
            }
            else
            {
                failures.Add(LiveText.Of(answer.Exchange, $"{LiveText.Quote(message)} → {LiveText.Describe(answer.Exchange)}"));
            }
        }

        var exercised = on.Count > 0
            ? $"degradation switches on: {string.Join(", ", on)}"
            : "no degradation switch is on, so only the healthy path ran (start a test revision with them on to exercise the slow and broken upstream paths)";
        return failures.Count > 0
            ? template.Fail($"{failures.Count} of {session.Config.Degradation.Messages.Length} tool turns did not end in words; {exercised}", [.. failures, .. passes])
            : template.Pass($"every tool turn ended in words; {exercised}", [.. passes]);
    }
}
