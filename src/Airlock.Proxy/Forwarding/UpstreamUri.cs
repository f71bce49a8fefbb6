using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Forwarding;

/// <summary>
/// Builds the upstream request URI from a configured revision address and the request's path and query only.
/// The scheme, host and port always come from configuration, so an absolute-form request target such as
/// <c>GET http://elsewhere/</c> cannot steer the proxy to another host.
/// </summary>
internal static class UpstreamUri
{
    // "scheme://host:port/base" per configured upstream, computed once: a route table keeps its Uri instances, so
    // the request path does not recompute (and reallocate) the prefix every time.
    private static readonly ConditionalWeakTable<Uri, string> Prefixes = [];

    public static Uri Combine(Uri upstream, PathString path, QueryString query)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var prefix = Prefixes.GetValue(upstream, static u => u.GetLeftPart(UriPartial.Authority) + u.AbsolutePath.TrimEnd('/'));
        var requestPath = path.HasValue ? path.ToUriComponent() : "/";

        // Concatenated as text, not through UriBuilder, which would escape an already escaped path a second time.
        return new Uri(string.Concat(prefix, requestPath, query.ToUriComponent()), UriKind.Absolute);
    }
}
