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

    /// <summary>The extra names listed in a <c>Connection</c> header (for example <c>Connection: close, X-Secret</c>).</summary>
    public static HashSet<string> NamedByConnection(StringValues connection)
    {
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in connection)
        {
            foreach (var token in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                named.Add(token);
            }
        }

        return named;
    }
}
