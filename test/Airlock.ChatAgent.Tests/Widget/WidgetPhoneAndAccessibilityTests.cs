using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using Airlock.Browser;

namespace Airlock.ChatAgent.Tests.Widget;

[Trait("Category", "Browser")]
[Collection(SharedChromium.Name)]
public class WidgetPhoneAndAccessibilityTests(ChromiumFixture chromium, ITestOutputHelper output)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    private static Uri Address(ChatAgentApp app, string path)
    {
        using var client = app.CreateClient();
        return new Uri(client.BaseAddress!, path);
    }

    // The input box's rectangle against the visual viewport (what is on screen, above any on-screen keyboard).
    private const string InputPlacement = """
        (() => {
          const root = document.querySelector('chat-agent-widget').shadowRoot;
          const input = root.querySelector('textarea');
          const r = input.getBoundingClientRect();
          const v = window.visualViewport;
          const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return { top: r.top, bottom: r.bottom, height: r.height, viewTop: v.offsetTop, viewBottom: v.offsetTop + v.height, onTop: hit === input };
        })()
        """;

    [Fact]
    public async Task PhoneViewport_OpenChat_InputVisibleAndScreenshotSaved()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings());
        await using var page = await chromium.Browser.NewPageAsync();
        await page.SetViewportAsync(PhoneWidth, PhoneHeight, deviceScaleFactor: 1, mobile: true);
        var widget = await WidgetPage.LoadAsync(page, Address(app, "/"));
        await widget.OpenAsync();
        await widget.AskAsync("When is a refund paid?");
        await widget.UntilAnswersAsync(1);

        var png = await page.ScreenshotAsync();
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "widget-phone-390x844.png");
        await File.WriteAllBytesAsync(file, png);
        output.WriteLine($"screenshot: {file}");

        Assert.Equal(PhoneWidth, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(PhoneHeight, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        var input = await page.EvaluateAsync<Placement>(InputPlacement);
        AssertVisible(input);
        var panelWidth = await page.EvaluateAsync<double>($"{WidgetPage.Find(".panel")}.getBoundingClientRect().width");
        Assert.Equal(PhoneWidth, panelWidth);
        Assert.True(page.Problems.Count == 0, string.Join(Environment.NewLine, page.Problems));
    }

    [Fact]
    public async Task PhoneViewport_VisualViewportShrinks_PanelFollowsAndInputStaysVisible()
    {
        await using var app = new ChatAgentApp();
        await using var page = await chromium.Browser.NewPageAsync();
        await page.SetViewportAsync(PhoneWidth, PhoneHeight, deviceScaleFactor: 1, mobile: true);
        var widget = await WidgetPage.LoadAsync(page, Address(app, "/"));
        await widget.OpenAsync();

        // An on-screen keyboard shrinks the visual viewport and leaves the layout viewport alone; zooming in does the
        // same to the visual viewport, and headless Chromium can do that, so it stands in for the keyboard here.
        await page.SendCommandAsync("Emulation.setPageScaleFactor", new JsonObject { ["pageScaleFactor"] = 1.6 });
        await widget.UntilAsync("window.visualViewport.height < 600", "the visual viewport to shrink");
        await widget.UntilAsync(
            $"Math.abs({WidgetPage.Find(".panel")}.getBoundingClientRect().height - window.visualViewport.height) < 2",
            "the panel to fit the visual viewport");

        var input = await page.EvaluateAsync<Placement>(InputPlacement);
        AssertVisible(input);
        Assert.True(input!.ViewBottom < PhoneHeight, $"the visual viewport really shrank: {input}");
    }

    [Fact]
    public async Task Keyboard_OpenAskAndEscape_AriaStatesFollowAndFocusReturnsToTheLauncher()
    {
        await using var app = new ChatAgentApp();
        await using var page = await chromium.Browser.NewPageAsync();
        var widget = await WidgetPage.LoadAsync(page, Address(app, "/"));
        var launcher = WidgetPage.Find(".launcher");
        var panel = WidgetPage.Find(".panel");

        Assert.Equal("false", await page.EvaluateAsync<string>($"{launcher}.getAttribute('aria-expanded')"));
        Assert.Equal("Open chat: Ask Airlock Helper", await page.EvaluateAsync<string>($"{launcher}.getAttribute('aria-label')"));
        Assert.Equal("panel", await page.EvaluateAsync<string>($"{launcher}.getAttribute('aria-controls')"));
        Assert.Equal("dialog", await page.EvaluateAsync<string>($"{panel}.getAttribute('role')"));
        Assert.Equal("Ask Airlock Helper", await page.EvaluateAsync<string>($"{WidgetPage.Root}.getElementById({panel}.getAttribute('aria-labelledby')).textContent"));
        Assert.Equal("H2", await page.EvaluateAsync<string>($"{WidgetPage.Root}.getElementById({panel}.getAttribute('aria-labelledby')).tagName"));
        Assert.Equal("polite", await page.EvaluateAsync<string>($"{WidgetPage.Find("[role=log]")}.getAttribute('aria-live')"));
        Assert.Equal(1, await page.EvaluateAsync<int>($"{WidgetPage.Root}.querySelectorAll('[role=alert]').length"));
        Assert.Equal("Message", await page.EvaluateAsync<string>($"{WidgetPage.Root}.querySelector('label[for=' + {WidgetPage.Find("textarea")}.id + ']').textContent"));
        Assert.Equal("Close chat", await page.EvaluateAsync<string>($"{WidgetPage.Find(".close")}.getAttribute('aria-label')"));

        // Keyboard only: Tab to the launcher, Enter opens, typing and Enter asks, Escape closes.
        await page.PressKeyAsync(Key.Tab);
        Assert.True(await page.EvaluateAsync<bool>($"{WidgetPage.Root}.activeElement === {launcher}"), "Tab reaches the launcher");
        Assert.Equal("solid", await page.EvaluateAsync<string>($"getComputedStyle({launcher}).outlineStyle"));
        await page.PressKeyAsync(Key.Enter);
        await widget.UntilAsync($"!{panel}.hidden", "the panel to open");
        Assert.Equal("true", await page.EvaluateAsync<string>($"{launcher}.getAttribute('aria-expanded')"));
        Assert.True(await page.EvaluateAsync<bool>($"{WidgetPage.Root}.activeElement === {WidgetPage.Find("textarea")}"), "focus moves to the message box");
        await page.TypeAsync("When is support open?");
        await page.PressKeyAsync(Key.Enter);
        await widget.UntilAnswersAsync(1);

        await page.PressKeyAsync(Key.Escape);

        Assert.True(await page.EvaluateAsync<bool>($"{panel}.hidden"), "Escape closes the panel");
        Assert.Equal("false", await page.EvaluateAsync<string>($"{launcher}.getAttribute('aria-expanded')"));
        Assert.True(await page.EvaluateAsync<bool>($"{WidgetPage.Root}.activeElement === {launcher}"), "focus returns to the launcher");
        Assert.True(page.Problems.Count == 0, string.Join(Environment.NewLine, page.Problems));
    }

    private static void AssertVisible(Placement? input)
    {
        Assert.NotNull(input);
        Assert.True(input.Height >= 40, $"the input is a usable size: {input}");
        Assert.True(input.Top >= input.ViewTop - 0.5 && input.Bottom <= input.ViewBottom + 0.5, $"the input is inside the visual viewport: {input}");
        Assert.True(input.OnTop, $"nothing covers the input: {input}");
    }

    private sealed record Placement(double Top, double Bottom, double Height, double ViewTop, double ViewBottom, bool OnTop);
}
