using System.Globalization;
using System.Text.RegularExpressions;
using Airlock.Browser;
using Airlock.ChatAgent.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.AI;
using Microsoft.AspNetCore.Hosting;

namespace Airlock.ChatAgent.Tests.Widget;

/// <summary>The widget as a user meets it: the real agent on loopback, the real demo page, Debian's Chromium headless.</summary>
[Trait("Category", "Browser")]
[Collection(SharedChromium.Name)]
public partial class WidgetBrowserTests(ChromiumFixture chromium)
{
    private static readonly string[] NoSettings = [];

    private static Uri Address(ChatAgentApp app, string path)
    {
        using var client = app.CreateClient();
        return new Uri(client.BaseAddress!, path);
    }

    private static ChatAgentApp App(TestKnowledgeBase kb, IChatClient? model = null, params (string Key, string? Value)[] settings) =>
        new(kb.Settings(settings), model, services: services =>
        {
            services.AddSingleton<IStartupFilter, UnprotectedHostPage>();
            services.AddSingleton<IStartupFilter, ScriptedEventStream>();
        });

    private static string Problems(BrowserPage page) => string.Join(Environment.NewLine, page.Problems);

    [Fact]
    public async Task DemoPage_Question_AnswerStreamsInWithCitationsAndNoConsoleCspOrNetworkProblems()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new SteppedChatClient("A refund is paid ", "within **14 days** [1].");
        await using var app = App(kb, model);
        await using var page = await chromium.Browser.NewPageAsync();
        var widget = await WidgetPage.LoadAsync(page, Address(app, "/"));
        await widget.OpenAsync();

        await widget.AskAsync("When is a refund paid?");

        // The first chunk is on screen while the model is still holding back the rest: the answer streams.
        await widget.UntilAsync($"{WidgetPage.Find(".msg.bot .body")}?.textContent.includes('A refund is paid')", "the first chunk");
        Assert.Equal("true", await page.EvaluateAsync<string>($"{WidgetPage.Find(".msg.bot")}.getAttribute('aria-busy')"));
        Assert.DoesNotContain("14 days", await widget.TextAsync(".msg.bot .body"), StringComparison.Ordinal);
        model.Next();
        await widget.UntilAnswersAsync(1);

        Assert.Equal("A refund is paid within 14 days [1].", await widget.TextAsync(".msg.bot .body"));
        Assert.Equal("14 days", await widget.TextAsync(".msg.bot .body strong"));
        Assert.Equal("false", await page.EvaluateAsync<string>($"{WidgetPage.Find(".msg.bot")}.getAttribute('aria-busy')"));
        Assert.Equal("When is a refund paid?", await widget.TextAsync(".msg.user"));
        var source = await widget.TextAsync(".sources li");
        Assert.Contains("Refunds", source, StringComparison.Ordinal);
        Assert.Contains("returns.md", source, StringComparison.Ordinal);
        Assert.Equal("1", await page.EvaluateAsync<string>($"{WidgetPage.Find(".sources li")}.getAttribute('value')"));
        Assert.Equal("[1]", await widget.TextAsync(".msg.bot .body button.cite"));
        Assert.Equal(1, await page.EvaluateAsync<int>($"{WidgetPage.Root}.adoptedStyleSheets.length"));
        Assert.True(page.Problems.Count == 0, Problems(page));
    }

    [Fact]
    public async Task DemoPage_QuickAnswer_AtLeastTwoDomUpdatesBeforeDone()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new SteppedChatClient("One ", "two ", "three.");
        await using var app = App(kb, model);
        await using var page = await chromium.Browser.NewPageAsync();
        var widget = await WidgetPage.LoadAsync(page, Address(app, "/"));
        await widget.OpenAsync();

        // Record the bot message's text at every DOM change, and whether the message was finished at that moment.
        await page.EvaluateAsync($$"""
            (() => {
              window.seen = [];
              new MutationObserver(() => {
                const message = {{WidgetPage.Find(".msg.bot")}};
                if (message) { window.seen.push({ text: message.querySelector('.body').textContent, done: message.dataset.state === 'done' }); }
              }).observe({{WidgetPage.Find(".log")}}, { subtree: true, childList: true, characterData: true, attributes: true });
            })()
            """);
        await widget.AskAsync("refund");
        await widget.UntilAsync($"{WidgetPage.Find(".msg.bot .body")}?.textContent.trim() === 'One'", "the first chunk");
        model.Next();
        await widget.UntilAsync($"{WidgetPage.Find(".msg.bot .body")}?.textContent.trim() === 'One two'", "the second chunk");
        model.Next();
        await widget.UntilAnswersAsync(1);

        var texts = await page.EvaluateAsync<string[]>("[...new Set(window.seen.filter(s => !s.done).map(s => s.text.trim()))].filter(t => t !== '')") ?? [];
        Assert.Contains("One", texts);
        Assert.Contains("One two", texts);
        Assert.True(page.Problems.Count == 0, Problems(page));
    }

    [Fact]
    public async Task UnprotectedHost_HostileMarkdown_ExecutesNothingAndShowsAsText()
    {
        const string Hostile =
            "Hi <img src=x onerror=\"window.pwned='img'\"> and [click me](javascript:window.pwned='link') " +
            "<script>window.pwned='script'</script> <b onmouseover=\"window.pwned='b'\">bold?</b> " +
            "[data](data:text/html,<script>window.pwned='data'</script>) and [docs](https://docs.example/a?b=1).\n\n" +
            "- item `<i>code</i>`\n- **strong** and _em_";
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = App(kb, new FakeChatClient(Hostile));
        await using var page = await chromium.Browser.NewPageAsync();
        var widget = await WidgetPage.LoadAsync(page, Address(app, UnprotectedHostPage.Path));
        await widget.OpenAsync();

        await widget.AskAsync("refund");
        await widget.UntilAnswersAsync(1);
        await page.ClickAsync(WidgetPage.Find(".msg.bot .body p"));

        Assert.Equal(JsonValueKindUndefined, (await page.EvaluateAsync("window.pwned")).ValueKind);
        var body = await widget.TextAsync(".msg.bot .body") ?? "";
        Assert.Contains("<img src=x onerror=\"window.pwned='img'\">", body, StringComparison.Ordinal);
        Assert.Contains("[click me](javascript:window.pwned='link')", body, StringComparison.Ordinal);
        Assert.Contains("<script>window.pwned='script'</script>", body, StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>($"{WidgetPage.Root}.querySelectorAll('.log img, .log script, .log b, .log iframe, .log i').length"));
        var links = await page.EvaluateAsync<string[]>($"[...{WidgetPage.Root}.querySelectorAll('.log a')].map(a => a.href + ' ' + a.rel + ' ' + a.target)") ?? [];
        Assert.Equal(["https://docs.example/a?b=1 noopener noreferrer _blank"], links);
        Assert.Equal("<i>code</i>", await widget.TextAsync(".msg.bot li code"));
        Assert.Equal("strong", await widget.TextAsync(".msg.bot li strong"));
        Assert.Equal("em", await widget.TextAsync(".msg.bot li em"));
        Assert.True(page.Problems.Count == 0, Problems(page));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindUndefined = System.Text.Json.JsonValueKind.Undefined;

    [Fact]
    public async Task DemoPage_OverRateLimit_SaysSoInWordsWithTheSeconds()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = App(kb, null, ("RateLimit:PermitsPerWindow", "1"), ("RateLimit:Window", "00:01:00"));
        await using var page = await chromium.Browser.NewPageAsync();
        var widget = await WidgetPage.LoadAsync(page, Address(app, "/"));
        await widget.OpenAsync();
        await widget.AskAsync("refund");
        await widget.UntilAnswersAsync(1);

        await widget.AskAsync("refund again");
        await widget.UntilAlertAsync();

        var alert = await widget.TextAsync("[role=alert]") ?? "";
        var match = RateLimitedText().Match(alert);
        Assert.True(match.Success, $"alert text: '{alert}'");
        Assert.InRange(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 1, 60);
        Assert.DoesNotContain("{", alert, StringComparison.Ordinal);
        Assert.Equal(1, await page.EvaluateAsync<int>($"{WidgetPage.Root}.querySelectorAll('.msg.bot').length"));
        Assert.All(page.Problems, p => Assert.Equal(new PageProblem(PageProblemKind.FailedRequest, "HTTP 429", Address(app, "/agent/run").AbsoluteUri), p));
    }

    [Theory]
    [InlineData("stream-error", "The assistant could not answer just now. Please try again.")]
    [InlineData("too-long", "That message is too long. Please shorten it and try again.")]
    public async Task DemoPage_AgentError_ShownAsWordsInAnAlert(string failure, string expected)
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = failure == "stream-error" ? new FakeChatClient { FailWith = new HttpRequestException("upstream said 500") } : null;
        await using var app = App(kb, model, ("Agent:MaxMessageLength", "40"));
        await using var page = await chromium.Browser.NewPageAsync();
        var widget = await WidgetPage.LoadAsync(page, Address(app, "/"));
        await widget.OpenAsync();

        await widget.AskAsync(failure == "too-long" ? new string('x', 60) : "refund");
        await widget.UntilAlertAsync();

        Assert.Equal(expected, await widget.TextAsync("[role=alert]"));
        Assert.Equal(0, await page.EvaluateAsync<int>($"{WidgetPage.Root}.querySelectorAll('.msg.bot').length"));
        Assert.False(await page.EvaluateAsync<bool>($"{WidgetPage.Find("button[type=submit]")}.disabled"), "the user can send again");
        Assert.DoesNotContain(page.Problems, p => p.Kind != PageProblemKind.FailedRequest);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OtherSite_EmbedsWidget_WorksOnlyWhenItsOriginIsAllowed(bool allowed)
    {
        using var kb = TestKnowledgeBase.Tiny();
        var settings = new List<(string, string?)> { ("RateLimit:PermitsPerWindow", "1"), ("RateLimit:Window", "00:01:00") };
        if (allowed)
        {
            settings.Add(("Widget:AllowedOrigins:0", "*"));
        }

        await using var app = App(kb, null, [.. settings]);
        var agent = Address(app, "/");

        // The host page comes from http://localhost:port, the widget and agent from http://127.0.0.1:port: two origins.
        var host = new UriBuilder(agent) { Host = "localhost", Path = UnprotectedHostPage.Path, Query = "agent=" + Uri.EscapeDataString(agent.GetLeftPart(UriPartial.Authority)) }.Uri;
        await using var page = await chromium.Browser.NewPageAsync();
        var widget = await WidgetPage.LoadAsync(page, host);
        await widget.OpenAsync();

        await widget.AskAsync("refund");

        if (!allowed)
        {
            await widget.UntilAlertAsync();
            Assert.Equal("Could not reach the assistant. Check your connection and try again.", await widget.TextAsync("[role=alert]"));
            return;
        }

        await widget.UntilAnswersAsync(1);
        await widget.AskAsync("refund again");
        await widget.UntilAlertAsync();
        Assert.Matches(RateLimitedText(), await widget.TextAsync("[role=alert]") ?? "");
        Assert.All(page.Problems, p => Assert.Equal("HTTP 429", p.Message));
    }

    [Theory]
    [InlineData("crlf", null, "Hello world")]
    [InlineData("cut-off", "The answer was cut off. Please try again.", "Partial answer (The answer was cut off. Please try again.)")]
    [InlineData("garbage", "The assistant sent a reply this window could not read. Please try again.", null)]
    public async Task EventStream_OddOrBroken_ParsedOrExplainedInWords(string script, string? alert, string? message)
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = App(kb);
        await using var page = await chromium.Browser.NewPageAsync();
        var url = Address(app, $"{UnprotectedHostPage.Path}?endpoint={Uri.EscapeDataString(ScriptedEventStream.PathPrefix + script)}");
        var widget = await WidgetPage.LoadAsync(page, url);
        await widget.OpenAsync();

        await widget.AskAsync("anything");

        if (alert is null)
        {
            await widget.UntilAnswersAsync(1);
            Assert.Equal("", await widget.TextAsync("[role=alert]"));
        }
        else
        {
            await widget.UntilAlertAsync();
            Assert.Equal(alert, await widget.TextAsync("[role=alert]"));
        }

        Assert.Equal(message, (await widget.TextAsync(".msg.bot"))?.Trim());
        Assert.True(page.Problems.Count == 0, Problems(page));
    }

    [Fact]
    public async Task DemoPage_NoConstructedStylesheets_FallsBackToTheStylesheetLinkWithinTheCsp()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = App(kb);
        await using var page = await chromium.Browser.NewPageAsync();

        // An older browser: no adoptedStyleSheets. The widget must then link widget.css, which style-src 'self' allows.
        await page.AddInitScriptAsync("delete Document.prototype.adoptedStyleSheets; delete ShadowRoot.prototype.adoptedStyleSheets;");
        var widget = await WidgetPage.LoadAsync(page, Address(app, "/"));
        await widget.UntilAsync($"getComputedStyle({WidgetPage.Find(".launcher")}).position === 'fixed'", "the fallback stylesheet to apply");

        Assert.Equal(Address(app, "/widget.css").AbsoluteUri, await page.EvaluateAsync<string>($"{WidgetPage.Find("link[rel=stylesheet]")}.href"));
        Assert.Equal("rgb(11, 87, 208)", await page.EvaluateAsync<string>($"getComputedStyle({WidgetPage.Find(".launcher")}).backgroundColor"));
        Assert.True(page.Problems.Count == 0, Problems(page));
    }

    [GeneratedRegex(@"^Too many messages, try again in (\d+) s$")]
    private static partial Regex RateLimitedText();
}
