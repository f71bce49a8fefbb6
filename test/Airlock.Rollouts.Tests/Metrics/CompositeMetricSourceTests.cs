using Airlock.Core.Deployment;
using Airlock.Rollouts.Metrics;
using Airlock.Rollouts.Metrics.Prometheus;
using Airlock.Rollouts.Routing;
using Airlock.Rollouts.Tests.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Metrics;

/// <summary>
/// The proxy's windows (the contract server until proxy-signals merges: REPLACE then) merged with app signals
/// scraped from real revision servers that a real proxy routes to.
/// </summary>
public sealed class CompositeMetricSourceTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly HttpClient _http = new();
    private volatile string _v2Metrics = ChatModelExposition.Write("v2", 1000, 0, 10.0, 0, 0, 0, 0, widgets: 0);
    private volatile string _v3Metrics = ChatModelExposition.Write("v3", 0, 0, 0, 0, 0, 0, 0, widgets: 0);

    [Fact]
    public async Task ReadAsync_ScrapedCountersBecomeSignalsPerProxiedRequest()
    {
        await using var v2 = await RevisionServer.StartAsync("v2", context => context.Response.WriteAsync(_v2Metrics));
        await using var v3 = await RevisionServer.StartAsync("v3", context => context.Response.WriteAsync(_v3Metrics));
        await using var windowServer = await ProxyWindowSourceTests.FakeWindowServer();
        await using var proxy = await ProxyWithAdmin.StartAsync(Routes(v2, v3), _folder.Path);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        var tokenFile = _folder.File("window.token");
        await File.WriteAllTextAsync(tokenFile, ProxyWithAdmin.Token);
        var windows = new ProxyWindowSource(new ProxyAdminClient(_http, new ProxyAdminOptions(windowServer.Address, tokenFile), TimeProvider.System, NullLogger.Instance));
        var router = new AirlockProxyRouter(proxy.AdminClient(_http), "chat", new RouteSpec(), NullLogger.Instance);
        var scraper = new PrometheusScrapeSource(_http, router, clock, NullLogger.Instance);
        var composite = new CompositeMetricSource(windows, scraper, null, NullLogger.Instance);

        var first = await composite.ReadAsync("chat", TimeSpan.FromMinutes(2), default);
        Assert.False(first.Single(w => w.Revision == "v3").AppSignals.ContainsKey(AppSignalNames.CostPerRequest));

        _v2Metrics = ChatModelExposition.Write("v2", 1900, 0, 19.0, 0, 0, 0, 0, widgets: 95);
        _v3Metrics = ChatModelExposition.Write("v3", 40, 10, 1.5, 0, 0, 0, 0, widgets: 100);
        clock.Advance(TimeSpan.FromMinutes(2));
        var second = await composite.ReadAsync("chat", TimeSpan.FromMinutes(2), default);

        var canary = second.Single(w => w.Revision == "v3");
        var stable = second.Single(w => w.Revision == "v2");
        Assert.Equal(50, canary.Requests);
        Assert.Equal(0.03, canary.AppSignals[AppSignalNames.CostPerRequest], 12);
        Assert.Equal(50, canary.AppSignalSamples[AppSignalNames.CostPerRequest]);
        Assert.Equal(2.0, canary.AppSignals["app:myapp_widgets_total"], 12);
        Assert.Equal(0.01, stable.AppSignals[AppSignalNames.CostPerRequest], 12);
        Assert.Equal(0.1, stable.AppSignals["app:myapp_widgets_total"], 12);
    }

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
    }

    private static string Routes(RevisionServer v2, RevisionServer v3) => $"""
        version: 1
        routes:
          - name: chat
            revisions:
              - name: v2
                upstream: {v2.Address}
                weight: 95
              - name: v3
                upstream: {v3.Address}
                weight: 5
        """;
}
