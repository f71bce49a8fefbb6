using System.Net;

namespace Airlock.ChatAgent.Tests.Widget;

public class WidgetCorsTests
{
    private const string Shop = "https://shop.example";

    private static HttpRequestMessage Run(string origin, string message = "hello")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/agent/run") { Content = HttpAssert.Json($$"""{"message":"{{message}}"}""") };
        request.Headers.Add("Origin", origin);
        return request;
    }

    [Fact]
    public async Task Preflight_AllowedOrigin_AllowsJsonPostsFromIt()
    {
        await using var app = new ChatAgentApp(new() { ["Widget:AllowedOrigins:0"] = Shop });
        using var client = app.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/agent/run");
        preflight.Headers.Add("Origin", Shop);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Shop, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("content-type", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_AllowedOriginRateLimited_429ReadableWithRetryAfterExposed()
    {
        await using var app = new ChatAgentApp(new()
        {
            ["Widget:AllowedOrigins:0"] = Shop,
            ["RateLimit:PermitsPerWindow"] = "1",
            ["RateLimit:Window"] = "01:00:00",
        });
        using var client = app.CreateClient();

        using var answered = await client.SendAsync(Run(Shop));
        using var limited = await client.SendAsync(Run(Shop));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(Shop, Assert.Single(answered.Headers.GetValues("Access-Control-Allow-Origin")));
        await HttpAssert.ProblemAsync(limited, HttpStatusCode.TooManyRequests, "agent.rate_limited");
        Assert.Equal(Shop, Assert.Single(limited.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("Retry-After", Assert.Single(limited.Headers.GetValues("Access-Control-Expose-Headers")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Shop)]
    public async Task Run_OriginNotAllowed_NoCorsHeaders(string? allowed)
    {
        var settings = new Dictionary<string, string?>();
        if (allowed is not null)
        {
            settings["Widget:AllowedOrigins:0"] = allowed;
        }

        await using var app = new ChatAgentApp(settings);
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Run("https://evil.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Run_AnyOriginAllowed_StarForEveryOrigin()
    {
        await using var app = new ChatAgentApp(new() { ["Widget:AllowedOrigins:0"] = "*" });
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Run("https://anyone.example"));

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Start_BadOrigins_FailsStartupNamingEveryKey()
    {
        await using var app = new ChatAgentApp(new()
        {
            ["Widget:AllowedOrigins:0"] = "shop.example",
            ["Widget:AllowedOrigins:1"] = "https://shop.example/",
            ["Widget:AllowedOrigins:2"] = "*",
        });

        var error = Assert.ThrowsAny<Exception>(app.StartServer).ToString();

        Assert.Contains("Widget:AllowedOrigins:0 is not an http(s) origin (got 'shop.example')", error, StringComparison.Ordinal);
        Assert.Contains("Widget:AllowedOrigins:1 has a path, query or trailing slash (got 'https://shop.example/'); an origin is scheme://host[:port] only, e.g. 'https://shop.example'.", error, StringComparison.Ordinal);
        Assert.Contains("Widget:AllowedOrigins:2 is '*'", error, StringComparison.Ordinal);
    }
}
