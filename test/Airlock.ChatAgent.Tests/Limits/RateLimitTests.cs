using System.Net;
using Airlock.ChatAgent.Tests.Fakes;

namespace Airlock.ChatAgent.Tests.Limits;

public class RateLimitTests
{
    [Fact]
    public async Task Run_OverPerUserLimit_Returns429ProblemWithRetryAfter()
    {
        // A window of an hour: the limit cannot reset during the test, so no clock is involved.
        await using var app = new ChatAgentApp(new() { ["RateLimit:PermitsPerWindow"] = "2", ["RateLimit:Window"] = "01:00:00" });
        using var client = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hello"}"""));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var rejected = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hello"}"""));

        var problem = await HttpAssert.ProblemAsync(rejected, HttpStatusCode.TooManyRequests, "agent.rate_limited");
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        Assert.Contains(((int)retryAfter.Value.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_IsNotRateLimited()
    {
        await using var app = new ChatAgentApp(new() { ["RateLimit:PermitsPerWindow"] = "1", ["RateLimit:Window"] = "01:00:00" });
        using var client = app.CreateClient();
        using var first = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hello"}"""));

        for (var i = 0; i < 3; i++)
        {
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    [Fact]
    public async Task Run_OneUserOverLimit_OtherUserStillServed()
    {
        await using var app = new ChatAgentApp(new() { ["RateLimit:PermitsPerWindow"] = "1", ["RateLimit:Window"] = "01:00:00" });
        using var alice = app.ClientFrom(IPAddress.Parse("127.0.0.2"));
        using var bob = app.ClientFrom(IPAddress.Parse("127.0.0.3"));

        using var aliceFirst = await alice.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hello"}"""));
        using var aliceSecond = await alice.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hello"}"""));
        using var bobFirst = await bob.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hello"}"""));

        Assert.Equal(HttpStatusCode.OK, aliceFirst.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, aliceSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bobFirst.StatusCode);
    }

    [Fact]
    public async Task Run_OverGlobalLimit_Returns429ToAUserWithPermitsLeft()
    {
        await using var app = new ChatAgentApp(new()
        {
            ["RateLimit:PermitsPerWindow"] = "1",
            ["RateLimit:GlobalPermitsPerWindow"] = "2",
            ["RateLimit:Window"] = "01:00:00",
        });
        using var alice = app.ClientFrom(IPAddress.Parse("127.0.0.2"));
        using var bob = app.ClientFrom(IPAddress.Parse("127.0.0.3"));
        using var carol = app.ClientFrom(IPAddress.Parse("127.0.0.4"));

        using var aliceFirst = await alice.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hello"}"""));
        using var bobFirst = await bob.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hello"}"""));
        using var carolFirst = await carol.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hello"}"""));
        using var ready = await carol.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, aliceFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bobFirst.StatusCode);
        await HttpAssert.ProblemAsync(carolFirst, HttpStatusCode.TooManyRequests, "agent.rate_limited");
        Assert.NotNull(carolFirst.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Run_OverConcurrencyCap_Returns429RetryAfterOneSecondUntilATurnEnds()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new FakeChatClient("slow answer") { WaitForRelease = true };
        await using var app = new ChatAgentApp(kb.Settings(("RateLimit:MaxConcurrentTurns", "1")), model);
        using var client = app.CreateClient();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // The first turn streams and holds the only slot while the model thinks.
        using var first = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/agent/run") { Content = HttpAssert.Json("""{"message":"refund","stream":true}""") },
            HttpCompletionOption.ResponseHeadersRead,
            bound.Token);
        await model.Called.Task.WaitAsync(bound.Token);
        using var second = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund"}"""), bound.Token);

        await HttpAssert.ProblemAsync(second, HttpStatusCode.TooManyRequests, "agent.rate_limited");
        Assert.Equal(TimeSpan.FromSeconds(1), second.Headers.RetryAfter?.Delta);

        model.Release();
        await first.Content.ReadAsStringAsync(bound.Token);
        using var third = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund"}"""), bound.Token);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    private static async Task<HttpStatusCode> PostAsAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/agent/run") { Content = HttpAssert.Json("""{"message":"hello"}""") };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Run_BehindKnownProxy_EachForwardedClientHasItsOwnLimit()
    {
        await using var app = new ChatAgentApp(new()
        {
            ["RateLimit:PermitsPerWindow"] = "1",
            ["RateLimit:Window"] = "01:00:00",
            ["Forwarding:KnownProxies:0"] = "127.0.0.1",
        });
        using var proxy = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await PostAsAsync(proxy, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsAsync(proxy, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.OK, await PostAsAsync(proxy, "203.0.113.6"));
    }

    [Fact]
    public async Task Run_NoKnownProxy_ForwardedHeaderCannotPickANewLimit()
    {
        await using var app = new ChatAgentApp(new() { ["RateLimit:PermitsPerWindow"] = "1", ["RateLimit:Window"] = "01:00:00" });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await PostAsAsync(client, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsAsync(client, "203.0.113.6"));
    }
}
