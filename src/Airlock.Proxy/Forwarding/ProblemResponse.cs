using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Forwarding;

/// <summary>Writes the proxy's own errors as RFC 9457 problem details, with a stable <c>code</c> member.</summary>
internal static class ProblemResponse
{
    public const string ErrorHeader = "X-Airlock-Error";
    public const string TypeBase = "https://airlock.dev/problems/";

    public static async Task WriteAsync(HttpContext context, int status, string code, string title, string? route = null, string? revision = null)
    {
        if (context.Response.HasStarted)
        {
            // The status line is gone: the only honest signal left is to cut the connection.
            context.Abort();
            return;
        }

        // Not Clear(): a cookie issued to a first-time visitor must survive the error.
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        context.Response.Headers[ErrorHeader] = code;
        var problem = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = TypeBase + code.Replace('_', '-'),
            ["title"] = title,
            ["status"] = status,
            ["code"] = code,
        };
        if (route is not null)
        {
            problem["route"] = route;
        }

        if (revision is not null)
        {
            problem["revision"] = revision;
        }

        await JsonSerializer.SerializeAsync(context.Response.Body, problem, cancellationToken: CancellationToken.None);
    }
}
