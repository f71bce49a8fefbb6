using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Airlock.Proxy.Forwarding;

/// <summary>
/// Headers that describe one connection, not the message (RFC 9110 section 7.6.1): never forwarded in either
/// direction, together with any header the <c>Connection</c> header names.
/// </summary>
internal static class HopByHopHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Connection,
        HeaderNames.KeepAlive,
        "Proxy-Connection",
        HeaderNames.ProxyAuthenticate,
        HeaderNames.ProxyAuthorization,
        HeaderNames.TE,
        HeaderNames.Trailer,
        HeaderNames.TransferEncoding,
        HeaderNames.Upgrade,
    };

    public static bool IsHopByHop(string name) => Names.Contains(name);

    /// <summary>
    /// The extra names listed in a <c>Connection</c> header (for example <c>Connection: close, X-Secret</c>), or null
    /// when it names none: the common <c>keep-alive</c>, <c>close</c> and <c>Upgrade</c> cost no set per request.
    /// </summary>
    public static HashSet<string>? NamedByConnection(StringValues connection)
    {
        HashSet<string>? named = null;
        foreach (var value in connection)
        {
            foreach (var range in (value ?? string.Empty).AsSpan().Split(','))
            {
                var token = (value ?? string.Empty).AsSpan()[range].Trim();
                if (token.Length == 0 || token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
                    || token.Equals("close", StringComparison.OrdinalIgnoreCase) || token.Equals("upgrade", StringComparison.OrdinalIgnoreCase))
                {
                    // Hop-by-hop already (Keep-Alive, Upgrade) or not a header name at all (close).
                    continue;
                }

                (named ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(token.ToString());
            }
        }

        return named;
    }
}
