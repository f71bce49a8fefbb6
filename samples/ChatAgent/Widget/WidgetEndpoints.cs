using Microsoft.Net.Http.Headers;

namespace ChatAgent.Widget;

internal static class WidgetEndpoints
{
    /// <summary>
    /// The demo page's policy: the strictest a real host page would use. No 'unsafe-inline' and no 'unsafe-eval', so the
    /// page proves the widget needs neither.
    /// </summary>
    public const string DemoPagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddWidget(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<WidgetAssets>().AddWidgetCors(configuration);

    /// <summary><c>GET /widget.js</c> and its files, and the demo page at <c>/</c>.</summary>
    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder endpoints)
    {
        // Resolved here, not per request: a missing embedded file fails startup, not the first visitor.
        var assets = endpoints.ServiceProvider.GetRequiredService<WidgetAssets>();
        foreach (var asset in assets.All)
        {
            // HEAD too: uptime checkers and curl -I ask with it; Kestrel drops the body.
            endpoints.MapMethods(asset.Path, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) => Serve(context, asset));
        }

        return endpoints;
    }

    private static IResult Serve(HttpContext context, WidgetAsset asset)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = asset.CacheControl;
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (asset.Path == "/")
        {
            headers.ContentSecurityPolicy = DemoPagePolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }
        else
        {
            // Host pages on other origins load the script; a host that isolates itself (COEP) needs this to allow it.
            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        }

        if (Matches(context.Request.Headers.IfNoneMatch, asset.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
