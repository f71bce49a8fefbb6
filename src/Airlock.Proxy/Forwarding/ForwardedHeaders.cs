using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Forwarding;

/// <summary>Adds this hop to <c>X-Forwarded-For/-Proto/-Host</c> and to RFC 7239 <c>Forwarded</c>.</summary>
internal static class ForwardedHeaders
{
    public const string XForwardedFor = "X-Forwarded-For";
    public const string XForwardedProto = "X-Forwarded-Proto";
    public const string XForwardedHost = "X-Forwarded-Host";
    public const string Forwarded = "Forwarded";

    public static bool IsForwardingHeader(string name) =>
        name.Equals(XForwardedFor, StringComparison.OrdinalIgnoreCase)
        || name.Equals(XForwardedProto, StringComparison.OrdinalIgnoreCase)
        || name.Equals(XForwardedHost, StringComparison.OrdinalIgnoreCase)
        || name.Equals(Forwarded, StringComparison.OrdinalIgnoreCase);

    /// <param name="trustIncoming">Whether the client's own values were copied and this hop is appended to them.</param>
    public static void Apply(HttpRequestHeaders headers, HttpContext context, bool trustIncoming)
    {
        // A dual-stack listener reports IPv4 clients as ::ffff:a.b.c.d; the headers carry the plain IPv4 form.
        var client = context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;
        var scheme = context.Request.Scheme;
        var host = context.Request.Host.Value ?? string.Empty;
        var forValue = client?.ToString() ?? "unknown";

        var xff = trustIncoming ? context.Request.Headers[XForwardedFor].ToString() : string.Empty;
        headers.Remove(XForwardedFor);
        headers.TryAddWithoutValidation(XForwardedFor, xff.Length == 0 ? forValue : $"{xff}, {forValue}");

        // Proto and host describe the original request: a trusted upstream hop already set them, else this hop does.
        var incomingProto = trustIncoming ? context.Request.Headers[XForwardedProto].ToString() : string.Empty;
        var incomingHost = trustIncoming ? context.Request.Headers[XForwardedHost].ToString() : string.Empty;
        headers.Remove(XForwardedProto);
        headers.Remove(XForwardedHost);
        headers.TryAddWithoutValidation(XForwardedProto, incomingProto.Length == 0 ? scheme : incomingProto);
        if (host.Length > 0 || incomingHost.Length > 0)
        {
            headers.TryAddWithoutValidation(XForwardedHost, incomingHost.Length == 0 ? host : incomingHost);
        }

        var element = $"for={NodeName(client)};proto={scheme}" + (host.Length > 0 ? $";host={Quote(host)}" : string.Empty);
        var forwarded = trustIncoming ? context.Request.Headers[Forwarded].ToString() : string.Empty;
        headers.Remove(Forwarded);
        headers.TryAddWithoutValidation(Forwarded, forwarded.Length == 0 ? element : $"{forwarded}, {element}");
    }

    /// <summary>RFC 7239 section 6: an IPv6 node is bracketed and therefore quoted.</summary>
    private static string NodeName(IPAddress? address) => address switch
    {
        null => "unknown",
        { AddressFamily: AddressFamily.InterNetworkV6 } => $"\"[{address}]\"",
        _ => address.ToString(),
    };

    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~') ? value : $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
