using Airlock.Browser;

namespace Airlock.ChatAgent.Tests.Widget;

/// <summary>A browser tab on a page that embeds the widget, with the few gestures the tests make as a user would.</summary>
internal sealed class WidgetPage(BrowserPage page)
{
    public const string Root = "document.querySelector('chat-agent-widget').shadowRoot";

    // A bound on waiting for the page, not a timing assertion: a passing run takes milliseconds per step.
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public BrowserPage Page => page;

    public static string Find(string selector) => $"{Root}.querySelector(\"{selector}\")";

    public static async Task<WidgetPage> LoadAsync(BrowserPage page, Uri url)
    {
        await page.NavigateAsync(url);
        var widget = new WidgetPage(page);
        await widget.UntilAsync($"{Find(".launcher")} !== null", "the widget mounted");
        return widget;
    }

    public async Task OpenAsync()
    {
        await page.ClickAsync(Find(".launcher"));
        await UntilAsync($"!{Find(".panel")}.hidden", "the panel opened");
    }

    /// <summary>Types into the message box and presses Enter, as a user does.</summary>
    public async Task AskAsync(string message)
    {
        await page.ClickAsync(Find("textarea"));
        await page.TypeAsync(message);
        await page.PressKeyAsync(Key.Enter);
    }

    public Task<string?> TextAsync(string selector) => page.EvaluateAsync<string?>($"{Find(selector)}?.textContent ?? null");

    public async Task UntilAsync(string condition, string what)
    {
        Assert.True(await page.WaitForAsync(condition, Bound), $"waited {Bound.TotalSeconds} s for {what}: `{condition}`");
    }

    public Task UntilAnswersAsync(int count) =>
        UntilAsync($"{Root}.querySelectorAll('.msg.bot[data-state=done]').length >= {count}", $"{count} finished answer(s)");

    public Task UntilAlertAsync() => UntilAsync($"{Find("[role=alert]")}.textContent.trim() !== ''", "an alert");
}
