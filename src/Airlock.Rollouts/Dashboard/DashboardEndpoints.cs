using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Airlock.Rollouts.Api;
using Airlock.Rollouts.Controller;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Airlock.Rollouts.Dashboard;

/// <summary>
/// The dashboard: the page and its two files (embedded in the assembly: no CDN, no internet), the series and the
/// event stream. All reads, like <c>/api/status</c>; the page's buttons call the token-protected write API.
/// </summary>
internal sealed class DashboardEndpoints(Func<CancellationToken, Task<StatusView>> status, SeriesBuffer series)
{
    /// <summary>Only this origin's own files and API; no inline script or style, no frames, no forms.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>How often the event stream looks at the status when no sample arrives (status changes have no signal of their own).</summary>
    private static readonly TimeSpan StatusPoll = TimeSpan.FromMilliseconds(500);

    private static readonly FrozenDictionary<string, (string ContentType, byte[] Body)> Assets = LoadAssets();

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => AssetAsync(context, "index.html"));
        app.MapGet("/dashboard.js", (HttpContext context) => AssetAsync(context, "dashboard.js"));
        app.MapGet("/dashboard.css", (HttpContext context) => AssetAsync(context, "dashboard.css"));
        // Browsers ask for it on their own; an empty answer beats a 404 in every page load's network log.
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet("/api/series", (DateTimeOffset? since) =>
            Results.Json(new SeriesView(DateTimeOffset.UtcNow, series.Since(since), series.Thresholds), RolloutJson.Options));
        app.MapGet("/api/events", EventsAsync);
    }

    private static Task AssetAsync(HttpContext context, string name)
    {
        var (contentType, body) = Assets[name];
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>Server-sent events: <c>status</c> whenever the status changes, <c>samples</c> with each new batch of points.</summary>
    private async Task EventsAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        string? lastStatus = null;
        DateTimeOffset? lastSample = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var appended = series.WaitForAppendAsync(cancellationToken);
                var current = await status(cancellationToken);

                // The snapshot's own time changes with every publish, the ledger with every decision: compare without it.
                var json = JsonSerializer.Serialize(current with { At = default }, RolloutJson.Options);
                if (json != lastStatus)
                {
                    lastStatus = json;
                    await WriteEventAsync(context, "status", JsonSerializer.Serialize(current, RolloutJson.Options), cancellationToken);
                }

                var points = series.Since(lastSample);
                if (!points.IsEmpty)
                {
                    lastSample = points[^1].At;
                    await WriteEventAsync(context, "samples", JsonSerializer.Serialize(points, RolloutJson.Options), cancellationToken);
                }

                await Task.WhenAny(appended, Task.Delay(StatusPoll, cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string name, string data, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static FrozenDictionary<string, (string, byte[])> LoadAssets()
    {
        var assembly = typeof(DashboardEndpoints).Assembly;
        return new Dictionary<string, (string, byte[])>
        {
            ["index.html"] = ("text/html; charset=utf-8", Read(assembly, "index.html")),
            ["dashboard.js"] = ("text/javascript; charset=utf-8", Read(assembly, "dashboard.js")),
            ["dashboard.css"] = ("text/css; charset=utf-8", Read(assembly, "dashboard.css")),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream($"Airlock.Dashboard.{name}")
            ?? throw new InvalidOperationException($"the dashboard asset {name} is not embedded in {assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
