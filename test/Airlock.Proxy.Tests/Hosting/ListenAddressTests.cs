using System.Net;
using Airlock.Proxy.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Airlock.Proxy.Tests.Hosting;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", "127.0.0.1", 8080, HttpProtocols.Http1AndHttp2)]
    [InlineData("h2c://0.0.0.0:0", "0.0.0.0", 0, HttpProtocols.Http2)]
    [InlineData("http://[::1]:9000", "::1", 9000, HttpProtocols.Http1AndHttp2)]
    [InlineData("http://localhost:8080", null, 8080, HttpProtocols.Http1AndHttp2)]
    [InlineData("https://127.0.0.1:8443", "127.0.0.1", 8443, HttpProtocols.Http1AndHttp2)]
    public void TryParse_ValidAddress_ReadsHostPortAndProtocols(string text, string? ip, int port, HttpProtocols protocols)
    {
        Assert.True(ListenAddress.TryParse(text, out var address));
        Assert.Equal(ip is null ? null : IPAddress.Parse(ip), address!.Address);
        Assert.Equal(port, address.Port);
        Assert.Equal(protocols, address.Protocols);
        Assert.Equal(text.StartsWith("https:", StringComparison.Ordinal), address.Tls);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:8443")]
    [InlineData("https://example.com:443")]
    [InlineData("http://example.com:80")]
    [InlineData("http://127.0.0.1:80/base")]
    [InlineData("h2c://127.0.0.1")]
    [InlineData("127.0.0.1:8080")]
    public void TryParse_UnsupportedAddress_IsRejected(string text) =>
        Assert.False(ListenAddress.TryParse(text, out _));
}
