using System.Net;
using Airlock.Proxy.Forwarding;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Tests.Forwarding;

public sealed class ForwardedHeadersTests
{
    [Theory]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9", "for=203.0.113.9")]
    [InlineData("2001:db8::1", "2001:db8::1", "for=\"[2001:db8::1]\"")]
    public void Apply_ClientAddress_IsWrittenInEachHeadersOwnForm(string remote, string xff, string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("chat.example.com");
        using var request = new HttpRequestMessage();

        ForwardedHeaders.Apply(request.Headers, context, trustIncoming: false);

        Assert.Equal(xff, request.Headers.GetValues("X-Forwarded-For").Single());
        Assert.Equal("https", request.Headers.GetValues("X-Forwarded-Proto").Single());
        Assert.Equal($"{forwardedFor};proto=https;host=chat.example.com", request.Headers.GetValues("Forwarded").Single());
    }
}
