using System.Net;

namespace Airlock.Proxy.Forwarding;

/// <summary>The one outgoing client: a connection pool per upstream, no cookies, redirects, decompression or system proxy.</summary>
internal static class ForwarderHttpClient
{
    public static HttpMessageInvoker Create(ForwarderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            // The client's trace context (if any) is forwarded as a plain header; the proxy adds no span of its own yet.
            ActivityHeadersPropagator = null,
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        return new HttpMessageInvoker(handler, disposeHandler: true);
    }
}
