using Airlock.Core.Security;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Airlock.Proxy.Draining;
using Airlock.Proxy.Forwarding;
using Airlock.Proxy.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Admin;

/// <summary>
/// The admin API (docs/proxy.md): the route table, revision telemetry since start and over windows, drain status,
/// each behind the bearer token, and <c>GET /metrics</c> without it. A handful of routes do not need a router:
/// the dispatch is one switch.
/// </summary>
internal sealed partial class AdminEndpoints(BearerToken token, RouteAdministrator routes, ProxyTelemetry telemetry, DrainTracker drains)
{
    public const long MaxBodyBytes = 1024 * 1024;
    private const string RevisionsPrefix = "/admin/revisions/";
    private const string RoutesPrefix = "/admin/routes/";
    private const string WindowSuffix = "/window";
    private const string DrainSuffix = "/drain";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path == "/metrics" && HttpMethods.IsGet(context.Request.Method))
        {
            // No token on purpose: a Prometheus scrape config must reach it, the listener is loopback-only and it is read-only.
            await GetMetricsAsync(context);
            return;
        }

        if (!token.Authorizes(context.Request.Headers.Authorization))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteProblemAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "A valid admin bearer token is required.");
            return;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method;
        switch (path)
        {
            case "/admin/routes" when HttpMethods.IsGet(method):
                await GetRoutesAsync(context);
                break;
            case "/admin/routes" when HttpMethods.IsPut(method):
                await PutRoutesAsync(context);
                break;
            case "/admin/routes":
                context.Response.Headers.Allow = "GET, PUT";
                await WriteProblemAsync(context, StatusCodes.Status405MethodNotAllowed, "method_not_allowed", "Use GET or PUT on /admin/routes.");
                break;
            case not null when path.StartsWith(RevisionsPrefix, StringComparison.Ordinal) && path.EndsWith(WindowSuffix, StringComparison.Ordinal) && HttpMethods.IsGet(method):
                await GetWindowAsync(context, Uri.UnescapeDataString(path[RevisionsPrefix.Length..^WindowSuffix.Length]));
                break;
            case not null when path.StartsWith(RevisionsPrefix, StringComparison.Ordinal) && HttpMethods.IsGet(method):
                await GetRevisionsAsync(context, Uri.UnescapeDataString(path[RevisionsPrefix.Length..]));
                break;
            case not null when path.StartsWith(RoutesPrefix, StringComparison.Ordinal) && path.EndsWith(DrainSuffix, StringComparison.Ordinal) && HttpMethods.IsGet(method):
                await GetDrainAsync(context, Uri.UnescapeDataString(path[RoutesPrefix.Length..^DrainSuffix.Length]));
                break;
            default:
                await WriteProblemAsync(context, StatusCodes.Status404NotFound, "not_found", $"No admin endpoint {method} {path}.");
                break;
        }
    }

    private static string ETag(long generation) => $"\"{generation.ToString(CultureInfo.InvariantCulture)}\"";

    private async Task GetRoutesAsync(HttpContext context)
    {
        var current = routes.Current;
        context.Response.Headers.ETag = ETag(current.Generation);
        await WriteJsonAsync(context, StatusCodes.Status200OK, new { version = current.Generation, routes = current.Source });
    }

    private async Task PutRoutesAsync(HttpContext context)
    {
        var current = routes.Table.Generation;
        var ifMatch = context.Request.Headers.IfMatch.ToString().Trim().Trim('"');
        if (!long.TryParse(ifMatch, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            await WriteProblemAsync(context, StatusCodes.Status428PreconditionRequired, "version_required", "Send If-Match with the version GET /admin/routes returned.", new() { ["version"] = current });
            return;
        }

        string text;
        using (var reader = new StreamReader(context.Request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                text = await reader.ReadToEndAsync(context.RequestAborted);
            }
            catch (DecoderFallbackException)
            {
                await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "invalid_routes", "The body is not UTF-8 text.");
                return;
            }
        }

        var change = routes.Apply(text, expected);
        switch (change.Outcome)
        {
            case RouteChangeOutcome.Applied:
                context.Response.Headers.ETag = ETag(change.Generation);
                await WriteJsonAsync(context, StatusCodes.Status200OK, new { version = change.Generation });
                break;
            case RouteChangeOutcome.Invalid:
                await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "invalid_routes", "The route table is not valid; nothing changed.", new()
                {
                    ["version"] = change.Generation,
                    ["errors"] = change.Errors.Select(e => new { line = e.Location.Line, column = e.Location.Column, message = e.Message, hint = e.Hint }).ToList(),
                });
                break;
            case RouteChangeOutcome.Stale:
                await WriteProblemAsync(context, StatusCodes.Status409Conflict, "stale_version", $"Version {expected} is not the serving version {change.Generation}; read the table again and reapply.", new() { ["version"] = change.Generation });
                break;
            case RouteChangeOutcome.StoreConflict:
                await WriteProblemAsync(context, StatusCodes.Status409Conflict, "store_conflict", "The persisted route table was changed by another writer; nothing changed.", new() { ["version"] = change.Generation, ["detail"] = change.Detail });
                break;
            default:
                throw new InvalidOperationException($"unknown route change outcome {change.Outcome}");
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Json, CancellationToken.None);
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string code, string title, Dictionary<string, object?>? extra = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        context.Response.Headers[ProblemResponse.ErrorHeader] = code;
        var problem = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = ProblemResponse.TypeBase + code.Replace('_', '-'),
            ["title"] = title,
            ["status"] = status,
            ["code"] = code,
        };
        foreach (var (key, value) in extra ?? [])
        {
            problem[key] = value;
        }

        await JsonSerializer.SerializeAsync(context.Response.Body, problem, Json, CancellationToken.None);
    }
}
