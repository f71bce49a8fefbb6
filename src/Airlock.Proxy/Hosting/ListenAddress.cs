using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Airlock.Proxy.Hosting;

/// <summary>
/// One address to serve on. <c>http://</c> serves HTTP/1.1 (on cleartext Kestrel cannot offer HTTP/2 beside it on one
/// port); <c>https://</c> serves HTTP/1.1 and HTTP/2 on one port, chosen per connection by TLS ALPN (needs a
/// certificate); <c>h2c://</c> serves HTTP/2 with prior knowledge, for a TLS-terminating load balancer that speaks h2c.
/// </summary>
/// <param name="Tls">Whether the address is <c>https://</c> and so needs a certificate.</param>
internal sealed record ListenAddress(IPAddress? Address, int Port, HttpProtocols Protocols, bool Tls = false)
{
    public const string Hint = "write http://HOST:PORT, https://HOST:PORT (with --cert and --key) or h2c://HOST:PORT with an IP address or localhost, for example http://127.0.0.1:8080";

    public static bool TryParse(string text, out ListenAddress? address)
    {
        address = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Port < 0)
        {
            return false;
        }

        var protocols = uri.Scheme switch
        {
            "http" => HttpProtocols.Http1AndHttp2,
            "https" => HttpProtocols.Http1AndHttp2,
            "h2c" => HttpProtocols.Http2,
            _ => HttpProtocols.None,
        };
        if (protocols == HttpProtocols.None)
        {
            return false;
        }

        // null means localhost: Kestrel then binds both loopback addresses.
        IPAddress? ip = null;
        if (!uri.IsLoopback || uri.HostNameType != UriHostNameType.Dns)
        {
            if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out ip))
            {
                return false;
            }
        }

        address = new ListenAddress(ip, uri.Port, protocols, Tls: uri.Scheme == "https");
        return true;
    }
}
