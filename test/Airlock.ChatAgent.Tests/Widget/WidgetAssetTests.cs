using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ChatAgent.Widget;

namespace Airlock.ChatAgent.Tests.Widget;

public class WidgetAssetTests
{
    [Theory]
    [InlineData("/widget.js", "text/javascript", "public, max-age=300")]
    [InlineData("/widget.css", "text/css", "public, max-age=300")]
    [InlineData("/", "text/html", "no-cache")]
    [InlineData("/demo.css", "text/css", "public, max-age=300")]
    [InlineData("/favicon.svg", "image/svg+xml", "public, max-age=300")]
    public async Task Get_WidgetFile_ServedWithTypeCachingAndValidator(string path, string mediaType, string cacheControl)
    {
        await using var app = new ChatAgentApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_WidgetWithCurrentETag_Returns304WithoutBody()
    {
        await using var app = new ChatAgentApp();
        using var client = app.CreateClient();
        using var first = await client.GetAsync("/widget.js");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await client.SendAsync(request);
        using var staleRequest = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        staleRequest.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var stale = await client.SendAsync(staleRequest);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task GetDemoPage_StrictCspHeader_AndOneScriptTagWithoutInlineCode()
    {
        await using var app = new ChatAgentApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(WidgetEndpoints.DemoPagePolicy, csp);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        var scripts = Regex.Matches(html, "<script[^>]*>", RegexOptions.IgnoreCase);
        Assert.Equal("/widget.js", Regex.Match(Assert.Single(scripts).Value, "src=\"([^\"]+)\"").Groups[1].Value);
        Assert.Matches("<script [^>]*defer[^>]*></script>", html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetWidget_ScriptHasItsStylesAndNoHtmlParsingOrEval()
    {
        await using var app = new ChatAgentApp();
        using var client = app.CreateClient();

        var script = await client.GetStringAsync("/widget.js");
        var css = await client.GetStringAsync("/widget.css");

        Assert.DoesNotContain(WidgetAssets.CssMarker, script, StringComparison.Ordinal);
        Assert.Contains(":host([data-theme=\\u0022dark\\u0022])", script, StringComparison.Ordinal);
        Assert.Contains(":host([data-theme=\"dark\"])", css, StringComparison.Ordinal);

        // The rendering rules in one place: none of these may ever be used on model output, so none is used at all.
        foreach (var banned in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute('style'", "EventSource" })
        {
            Assert.DoesNotContain(banned, script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WidgetMapped_AgentEndpointsStillAnswer()
    {
        await using var app = new ChatAgentApp();
        using var client = app.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var run = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hello"}"""));
        using var missing = await client.GetAsync("/widget.jsx");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        await HttpAssert.ProblemAsync(missing, HttpStatusCode.NotFound, "agent.not_found");
    }
}
