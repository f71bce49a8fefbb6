using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Tests.Telemetry;

public sealed class ProxyTelemetryTests
{
    [Fact]
    public async Task Forward_MixedOutcomes_AreCountedPerRevision()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.StatusCode = context.Request.Path.Value switch
            {
                "/missing" => StatusCodes.Status404NotFound,
                "/broken" => StatusCodes.Status500InternalServerError,
                _ => StatusCodes.Status200OK,
            };
            await context.Response.WriteAsync("0123456789");
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));

        foreach (var path in new[] { "/ok", "/ok", "/ok", "/missing", "/broken" })
        {
            using var content = new StringContent("abcde");
            using var response = await proxy.Client.PostAsync(path, content);
            await response.Content.ReadAsStringAsync();
        }

        var measured = Assert.Single(proxy.Server.Telemetry.Snapshot());
        Assert.Equal(("chat", "v1"), (measured.Route, measured.Revision));
        Assert.Equal(5, measured.Requests);
        Assert.Equal(0, measured.InFlight);
        Assert.Equal(3, measured.ResponsesOfClass(2));
        Assert.Equal(1, measured.ResponsesOfClass(4));
        Assert.Equal(1, measured.Errors);
        Assert.Equal(25, measured.BytesIn);
        Assert.Equal(50, measured.BytesOut);
        Assert.Equal(5, measured.Latency.Count);
        Assert.Equal(5, measured.TimeToFirstByte.Count);
    }

    [Fact]
    public async Task Forward_UnreachableRevision_CountsATransportFailure()
    {
        var closedPort = Forwarding.ForwardingTests.ClosedLoopbackPort();
        await using var proxy = await ProxyUnderTest.StartAsync($"""
            routes:
              - name: chat
                revisions:
                  - name: gone
                    upstream: http://127.0.0.1:{closedPort}
                    weight: 1
            """);

        using var response = await proxy.Client.GetAsync("/");

        var measured = Assert.Single(proxy.Server.Telemetry.Snapshot());
        Assert.Equal(1, measured.TransportFailures);
        Assert.Equal(1, measured.Errors);
        Assert.Equal(0, measured.ResponsesOfClass(5));
        Assert.Equal(0, measured.Latency.Count);
    }
}
