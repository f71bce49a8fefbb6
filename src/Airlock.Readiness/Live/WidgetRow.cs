using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>Row 10: headless Chromium loads the widget page, sends a message, and sees an answer with no console noise.</summary>
internal sealed class WidgetRow(IWidgetProbe browser) : ILiveRow
{
    public RubricRowTemplate Template(LiveSession session) => new()
    {
        CheckId = LiveCheck.CheckId,
        Row = "widget",
        FailureMode = "The chat page looks broken: console errors, a stylesheet or script that did not load, raw JSON shown to users",
        Test = $"headless Chromium opens {session.Config.Widget.Page}, sends {LiveText.Quote(session.Config.Widget.Message)} → an answer in words, no console errors, no failed stylesheet or script",
        Severity = Severity.Cosmetic,
        Step = CountdownStep.OpenUrl,
        Fix = "Open the page with the browser console open; fix failing resources and errors, and render problem responses as words.",
    };

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        if (browser.UnavailableReason is { } reason)
        {
            return template.Skipped(reason);
        }

        var result = await browser.ProbeAsync(session.Resolve(session.Config.Widget.Page), session.Config.Widget.Message, session.Config.Timeout, cancellationToken);
        var failures = result.ConsoleErrors.Select(e => new Evidence($"console: {LiveText.Excerpt(e)}"))
            .Concat(result.FailedResources.Select(r => new Evidence($"failed to load: {r}")))
            .ToList();
        if (result.AnswerText is null)
        {
            failures.Insert(0, new Evidence("no answer appeared in the widget"));
        }
        else if (LiveText.LooksRaw(result.AnswerText))
        {
            failures.Insert(0, new Evidence($"raw JSON shown to the user: {LiveText.Excerpt(result.AnswerText)}"));
        }

        return failures.Count > 0
            ? template.Fail(failures[0].Message, [.. failures])
            : template.Pass($"answered {LiveText.Quote(result.AnswerText!)} with a clean console");
    }
}
