using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Forwarding;

/// <summary>
/// Builds the upstream request URI from a configured revision address and the request's path and query only.
/// The scheme, host and port always come from configuration, so an absolute-form request target such as
/// <c>GET http://elsewhere/</c> cannot steer the proxy to another host.
/// </summary>
internal static class UpstreamUri
{
    public static Uri Combine(Uri upstream, PathString path, QueryString query)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var basePath = upstream.AbsolutePath.TrimEnd('/');
        var requestPath = path.HasValue ? path.ToUriComponent() : "/";

        // Concatenated as text, not through UriBuilder, which would escape an already escaped path a second time.
        return new Uri(upstream.GetLeftPart(UriPartial.Authority) + basePath + requestPath + query.ToUriComponent(), UriKind.Absolute);
    }
}
