using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Airlock.ChatAgent.Tests.Widget;

/// <summary>
/// A host page with no Content-Security-Policy at all, added to the test app only. On the demo page the CSP would stop
/// an injected inline handler by itself; here only the widget's own rendering stands between model output and script.
/// </summary>
internal sealed class UnprotectedHostPage : IStartupFilter
{
    public const string Path = "/test/unprotected-host";

    // {0}: where widget.js comes from: this server, or (with ?agent=) another origin, as on a third-party site.
    // {1}: the widget's data-endpoint (?endpoint=), default /agent/run.
    private const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Unprotected host</title><link rel="icon" href="/favicon.svg">
        <script src="{0}/widget.js" data-endpoint="{1}" data-title="Unprotected host" data-theme="dark" defer></script></head>
        <body><p>No CSP here.</p></body></html>
        """;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (context.Request.Path == Path)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                var agent = context.Request.Query["agent"].ToString();
                var endpoint = context.Request.Query["endpoint"].ToString() is { Length: > 0 } e ? e : "/agent/run";
                await context.Response.WriteAsync(Html
                    .Replace("{0}", WebUtility.HtmlEncode(agent), StringComparison.Ordinal)
                    .Replace("{1}", WebUtility.HtmlEncode(endpoint), StringComparison.Ordinal));
                return;
            }

            await following(context);
        });
        next(app);
    };
}
