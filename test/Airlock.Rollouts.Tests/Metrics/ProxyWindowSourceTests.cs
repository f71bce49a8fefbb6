using Airlock.Rollouts.Metrics;
using Airlock.Rollouts.Routing;
using Airlock.Rollouts.Tests.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Metrics;

/// <summary>
/// REPLACE when proxy-signals merges: these run against a small HTTP server answering the window endpoint's
/// contract JSON (rollout-common.md), because the real proxy does not serve <c>/window</c> on this branch. Then
/// start the real proxy (Routing/ProxyWithAdmin), send requests through it and read real windows instead.
/// </summary>
public sealed class ProxyWindowSourceTests : IDisposable
{
    internal const string ContractJson = """
        {"route":"chat","version":3,"window":{"seconds":120,"from":"2026-11-22T01:58:00Z","to":"2026-11-22T02:00:00Z"},
         "revisions":[
          {"name":"v2","weight":95,"state":"serving","inFlight":1,"requests":950,"responses":{"1xx":0,"2xx":930,"3xx":0,"4xx":11,"5xx":9},
           "errors":10,"transportFailures":1,"errorRate":0.0105,
           "latency":{"count":950,"p50":0.12,"p95":0.4,"p99":0.9,"max":1.3},"timeToFirstByte":{"count":950,"p50":0.05,"p95":0.1,"p99":0.2,"max":0.3},
           "fingerprints":[{"key":"500 agent.internal_error","count":9},{"key":"502 upstream_unreachable","count":1}]},
          {"name":"v3","weight":5,"state":"serving","inFlight":0,"requests":50,"responses":{"1xx":0,"2xx":25,"3xx":0,"4xx":0,"5xx":25},
           "errors":25,"transportFailures":0,"errorRate":0.5,
           "latency":{"count":50,"p50":0.2,"p95":0.5,"p99":null,"max":0.7},"timeToFirstByte":{"count":0,"p50":null,"p95":null,"p99":null,"max":null},
           "fingerprints":[{"key":"500 agent.injected_new_error","count":25}]}
         ]}
        """;

    private readonly TempDirectory _folder = new();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task ReadAsync_ContractWindow_MapsEveryRevisionsFigures()
    {
        var seen = new List<string>();
        await using var proxy = await FakeWindowServer(seen);

        var windows = await Source(proxy.Address).ReadAsync("chat", TimeSpan.FromMinutes(2), default);

        Assert.Equal(["GET /admin/revisions/chat/window ?last=2m Bearer ok"], seen);
        var v2 = windows.Single(w => w.Revision == "v2");
        Assert.Equal((950L, 10L, 11L), (v2.Requests, v2.Errors, v2.ClientErrors));
        Assert.Equal(new QuantileSet(950, 0.12, 0.4, 0.9, 1.3), v2.Latency);
        Assert.Equal(new QuantileSet(950, 0.05, 0.1, 0.2, 0.3), v2.TimeToFirstByte);
        Assert.Equal(9, v2.Fingerprints["500 agent.internal_error"]);
        var v3 = windows.Single(w => w.Revision == "v3");
        Assert.Equal(0.5, v3.ErrorRate);
        Assert.Null(v3.Latency.P99);
        Assert.Equal(QuantileSet.Empty, v3.TimeToFirstByte);
        Assert.Equal(TimeSpan.FromMinutes(2), v3.Window);
    }

    [Fact]
    public async Task ReadAsync_UnknownRoute_ThrowsWithTheProxysCode()
    {
        await using var proxy = await RevisionServer.StartAsync("proxy", async context =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("""{"status":404,"code":"unknown_route","title":"No route 'nope'."}""");
        });

        var error = await Assert.ThrowsAsync<RouterException>(() => Source(proxy.Address).ReadAsync("nope", TimeSpan.FromSeconds(30), default));

        Assert.Equal("unknown_route", error.Code);
    }

    [Theory]
    [InlineData(30, "30s")]
    [InlineData(120, "2m")]
    [InlineData(90, "90s")]
    [InlineData(900, "15m")]
    public void Duration_Window_UsesTheProxysSyntax(int seconds, string expected)
    {
        Assert.Equal(expected, ProxyWindowSource.Duration(TimeSpan.FromSeconds(seconds)));
    }

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
    }

    internal static Task<RevisionServer> FakeWindowServer(List<string>? seen = null, string json = ContractJson) =>
        RevisionServer.StartAsync("proxy", async context =>
        {
            var bearer = context.Request.Headers.Authorization.ToString() == "Bearer " + ProxyWithAdmin.Token ? "Bearer ok" : "Bearer wrong";
            lock (seen ?? [])
            {
                seen?.Add($"{context.Request.Method} {context.Request.Path} {context.Request.QueryString} {bearer}");
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        });


    private ProxyWindowSource Source(Uri admin)
    {
        var tokenFile = _folder.File("admin.token");
        File.WriteAllText(tokenFile, ProxyWithAdmin.Token);
        return new ProxyWindowSource(new ProxyAdminClient(_http, new ProxyAdminOptions(admin, tokenFile), TimeProvider.System, NullLogger.Instance));
    }
}
