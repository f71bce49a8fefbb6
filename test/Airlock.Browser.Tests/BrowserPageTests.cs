using System.Buffers.Binary;
using System.Text.Json;

namespace Airlock.Browser.Tests;

public class BrowserPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string StrictCsp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EvaluateAsync_Promise_ReturnsTheAwaitedValue()
    {
        await using var site = await TestSite.StartAsync(new() { ["/"] = ("text/html", "<!doctype html><title>t</title><p id=p>hello</p>", StrictCsp) });
        await using var page = await chromium.Browser.NewPageAsync();
        await page.NavigateAsync(site.Url("/"));

        var value = await page.EvaluateAsync<int>("new Promise(r => setTimeout(() => r(6 * 7), 10))");
        var text = await page.EvaluateAsync<string>("document.getElementById('p').textContent");

        Assert.Equal(42, value);
        Assert.Equal("hello", text);
    }

    [Fact]
    public async Task EvaluateAsync_ScriptThrows_DevToolsExceptionCarriesTheMessage()
    {
        await using var page = await chromium.Browser.NewPageAsync();

        var error = await Assert.ThrowsAsync<DevToolsException>(() => page.EvaluateAsync("(() => { throw new Error('nope-42'); })()"));

        Assert.Contains("nope-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_CleanStrictCspPage_NoneRecorded()
    {
        await using var site = await TestSite.StartAsync(new()
        {
            // Without an icon link Chromium asks for /favicon.ico, and its 404 is a failed request like any other.
            ["/"] = ("text/html", "<!doctype html><title>t</title><link rel=icon href=/i.svg><link rel=stylesheet href=/s.css><script src=/a.js></script>", StrictCsp),
            ["/i.svg"] = ("image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/>", null),
            ["/s.css"] = ("text/css", "p { color: red }", null),
            ["/a.js"] = ("text/javascript", "window.ran = true; console.log('fine');", null),
        });
        await using var page = await chromium.Browser.NewPageAsync();

        await page.NavigateAsync(site.Url("/"));

        Assert.True(await page.EvaluateAsync<bool>("window.ran === true"));
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task Problems_BrokenPage_EachKindRecordedWithItsUrl()
    {
        await using var site = await TestSite.StartAsync(new()
        {
            ["/"] = ("text/html", "<!doctype html><title>t</title><script>window.inline = 1</script><script src=/a.js></script>", StrictCsp),
            ["/a.js"] = ("text/javascript", "console.error('boom-console'); fetch('/missing'); setTimeout(() => { throw new Error('boom-uncaught'); }, 0);", null),
        });
        await using var page = await chromium.Browser.NewPageAsync();

        await page.NavigateAsync(site.Url("/"));
        await WaitForProblemsAsync(page, 4);

        var problems = page.Problems;
        Assert.Contains(problems, p => p.Kind == PageProblemKind.CspViolation && p.Message.Contains("inline script", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Kind == PageProblemKind.ConsoleError && p.Message == "boom-console" && p.Url == site.Url("/a.js").AbsoluteUri);
        Assert.Contains(problems, p => p.Kind == PageProblemKind.UncaughtException && p.Message.Contains("boom-uncaught", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Kind == PageProblemKind.FailedRequest && p.Message == "HTTP 404" && p.Url == site.Url("/missing").AbsoluteUri);
        Assert.False(await page.EvaluateAsync<bool>("window.inline === 1"));
    }

    [Fact]
    public async Task Problems_ConnectionBlockedByCsp_RecordedAsCspViolation()
    {
        await using var site = await TestSite.StartAsync(new()
        {
            ["/"] = ("text/html", "<!doctype html><title>t</title><script src=/a.js></script>", StrictCsp),
            ["/a.js"] = ("text/javascript", "fetch('http://127.0.0.2:9/x').catch(() => {});", null),
        });
        await using var page = await chromium.Browser.NewPageAsync();

        await page.NavigateAsync(site.Url("/"));
        await WaitForProblemsAsync(page, 1);

        Assert.Contains(page.Problems, p => p.Kind == PageProblemKind.CspViolation && p.Message.Contains("connect-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClickTypeAndPressKey_InShadowRoot_ReachTheElements()
    {
        const string Script = """
            const host = document.createElement('div');
            document.body.append(host);
            const root = host.attachShadow({ mode: 'open' });
            const input = document.createElement('input');
            const button = document.createElement('button');
            button.textContent = 'go';
            root.append(input, button);
            window.log = [];
            input.addEventListener('keydown', e => window.log.push('key:' + e.key));
            button.addEventListener('click', () => window.log.push('click:' + input.value));
            """;
        await using var site = await TestSite.StartAsync(new()
        {
            ["/"] = ("text/html", "<!doctype html><title>t</title><body><script src=/a.js></script></body>", StrictCsp),
            ["/a.js"] = ("text/javascript", Script, null),
        });
        await using var page = await chromium.Browser.NewPageAsync();
        await page.NavigateAsync(site.Url("/"));
        const string Root = "document.querySelector('div').shadowRoot";

        await page.ClickAsync($"{Root}.querySelector('input')");
        await page.TypeAsync("hi there");
        await page.PressKeyAsync(Key.Enter);
        await page.PressKeyAsync(Key.Tab);
        var focusedButton = await page.EvaluateAsync<bool>($"{Root}.activeElement === {Root}.querySelector('button')");
        await page.ClickAsync($"{Root}.querySelector('button')");

        var log = await page.EvaluateAsync<string[]>("window.log") ?? [];
        Assert.Equal(["key:Enter", "key:Tab", "click:hi there"], log);
        Assert.True(focusedButton, "Tab moved focus to the button");
    }

    [Fact]
    public async Task ScreenshotAsync_PhoneViewport_IsAPngOfThatSize()
    {
        await using var page = await chromium.Browser.NewPageAsync();
        await page.SetViewportAsync(390, 844, deviceScaleFactor: 1, mobile: true);

        var png = await page.ScreenshotAsync();

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(390, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(844, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public async Task WaitForAsync_ConditionNeverTrue_ReturnsFalse()
    {
        await using var page = await chromium.Browser.NewPageAsync();

        Assert.False(await page.WaitForAsync("window.never === true", TimeSpan.FromMilliseconds(100)));
        Assert.True(await page.WaitForAsync("document.readyState === 'complete'", Bound));
    }

    // A bound on waiting for events the browser sends after the load event; not a timing assertion.
    private static async Task WaitForProblemsAsync(BrowserPage page, int count)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (page.Problems.Count < count && !bound.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        Assert.True(page.Problems.Count >= count, "problems seen: " + JsonSerializer.Serialize(page.Problems.Select(p => p.ToString())));
    }
}
