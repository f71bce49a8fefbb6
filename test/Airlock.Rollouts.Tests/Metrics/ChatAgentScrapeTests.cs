using System.Net;
using System.Text;
using Airlock.Rollouts.Metrics.Prometheus;
using Airlock.Rollouts.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Metrics;

/// <summary>The real ChatAgent sample on Kestrel (loopback port 0), scraped twice around real turns.</summary>
public sealed class ChatAgentScrapeTests
{
    [Fact]
    public async Task ScrapeAsync_RealChatAgent_TurnsAndLatencyBecomeSignals()
    {
        await using var agent = new ChatAgentHost();
        using var http = new HttpClient();
        var baseUrl = agent.Address;
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        var source = new PrometheusScrapeSource(http, new UnusedRouter(), clock, NullLogger.Instance);

        Assert.True(await source.ScrapeAsync("v3", baseUrl, default));
        foreach (var message in new[] { "When is support open?", "How do refunds work?", "pirate treasure maps", "What is Airlock?" })
        {
            using var body = new StringContent($$"""{"message":"{{message}}"}""", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(baseUrl, "/agent/run"), body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await source.ScrapeAsync("v3", baseUrl, default));
        var signals = source.Signals("v3", TimeSpan.FromSeconds(30), requests: null);

        Assert.Equal(1, signals.Values["app:chatagent_turns_total"]);
        Assert.Equal(4, signals.Samples["app:chatagent_turns_total"]);
        Assert.True(signals.Values["app:chatagent_turn_time_to_first_token_seconds"] > 0);
        Assert.Equal(4, signals.Samples["app:chatagent_turn_time_to_first_token_seconds"]);
        Assert.Equal(1, signals.Values["app:chatagent_build_info"]);
        Assert.Equal(TimeSpan.FromSeconds(30), signals.Span);
    }

    [Fact]
    public async Task ScrapeAsync_NoMetricsEndpoint_ReturnsFalseAndKeepsNoHistory()
    {
        await using var revision = await RevisionServer.StartAsync("plain", context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        using var http = new HttpClient();
        var source = new PrometheusScrapeSource(http, new UnusedRouter(), TimeProvider.System, NullLogger.Instance);

        Assert.False(await source.ScrapeAsync("plain", revision.Address, default));
        Assert.Empty(source.Signals("plain", TimeSpan.FromMinutes(1), 10).Values);
    }

    /// <summary>These tests name the revision and its URL themselves; the route is never read.</summary>
    private sealed class UnusedRouter : ITrafficRouter
    {
        public Task<RouteState> ReadAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("not used");

        public Task<RouteState> ApplyAsync(RouteState desired, CancellationToken cancellationToken) => throw new InvalidOperationException("not used");
    }

    private sealed class ChatAgentHost : WebApplicationFactory<Program>
    {
        public ChatAgentHost() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

        public Uri Address
        {
            get
            {
                using var client = CreateClient();
                return client.BaseAddress!;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Agent:Revision", "v3");
        }
    }
}
