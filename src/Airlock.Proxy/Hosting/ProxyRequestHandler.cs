using Airlock.Proxy.Draining;
using Airlock.Proxy.Forwarding;
using Airlock.Proxy.Routing;
using Airlock.Proxy.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Hosting;

/// <summary>The proxy's only endpoint: read the current table once, pick a revision, forward.</summary>
internal sealed class ProxyRequestHandler(RouteTableHolder routes, RouteSelector selector, HttpForwarder forwarder, ProxyTelemetry telemetry, DrainTracker drains, TimeProvider time)
{
    private static readonly TimeSpan UserKeyCookieLifetime = TimeSpan.FromDays(365);

    public async Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsConnect(context.Request.Method))
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, ProxyErrorCode.MethodNotAllowed, "CONNECT is not served: this proxy forwards to configured revisions only.");
            return;
        }

        // One read of the table per request: everything below sees the same generation.
        var table = routes.Current;
        if (table.Match(context.Request.Path) is not { } route)
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status404NotFound, ProxyErrorCode.NoRoute, "No route matches this path.");
            return;
        }

        var started = time.GetTimestamp();
        var decision = selector.Select(route, context.Request);
        if (decision.IssuedUserKey is not null && route.UserKey.Cookie is { } cookie)
        {
            context.Response.Cookies.Append(cookie, decision.IssuedUserKey, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
                MaxAge = UserKeyCookieLifetime,
            });
        }

        var measured = telemetry.For(route.Name, decision.Revision.Name);
        measured.Started();
        using var drain = drains.Track(measured, context);
        // A bug below must not leave the request in flight forever: it is counted as a failure and rethrown.
        var result = new ForwardResult(ForwardStatus.UpstreamFailed, StatusCodes.Status500InternalServerError, null, 0, 0, null);
        try
        {
            result = await forwarder.ForwardAsync(context, decision.Revision.Upstream, route.Name, decision.Revision.Name);
        }
        finally
        {
            // A WebSocket session lasts as long as the user stays: its latency is the handshake's, or a long chat
            // would read as a slow response in the percentiles the rollback conditions watch.
            var elapsed = result is { StatusCode: StatusCodes.Status101SwitchingProtocols, TimeToFirstByte: { } handshake } ? handshake : time.GetElapsedTime(started);
            measured.Finished(result, elapsed, context.Response.Headers);
        }
    }
}
