using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Tests.Forwarding;

public sealed class ForwardingTests
{
    [Fact]
    public async Task Forward_GetWithQuery_UpstreamSeesPathQueryAndForwardedHeaders()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));

        var echo = await proxy.GetEchoAsync("/agent/run%20x?q=a%26b&n=1", r => r.Headers.Add("X-App", "kept"));

        Assert.Equal("v1", echo.Revision);
        Assert.Equal("/agent/run x", echo.Path);
        Assert.Equal("?q=a%26b&n=1", echo.Query);
        Assert.Equal("kept", echo.Header("X-App"));
        Assert.Equal("127.0.0.1", echo.Header("X-Forwarded-For"));
        Assert.Equal("http", echo.Header("X-Forwarded-Proto"));
        Assert.Equal(proxy.Address.Authority, echo.Header("X-Forwarded-Host"));
        Assert.Equal($"for=127.0.0.1;proto=http;host=\"{proxy.Address.Authority}\"", echo.Header("Forwarded"));
        Assert.Equal(v1.Address.Authority, echo.Header("Host"));
    }

    [Fact]
    public async Task Forward_Http2ClientOnH2cListener_IsServed()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0), listen: "h2c://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = proxy.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/h2") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<EchoedRequest>();

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("/h2", echo!.Path);
    }

    [Fact]
    public async Task Forward_HostPolicyPreserve_UpstreamSeesClientHost()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0, forwardingYaml: "forwarding:\n  host: preserve"));

        var echo = await proxy.GetEchoAsync("/", r => r.Headers.Host = "chat.example.com");

        Assert.Equal("chat.example.com", echo.Header("Host"));
        Assert.Equal("chat.example.com", echo.Header("X-Forwarded-Host"));
    }

    [Fact]
    public async Task Forward_HopByHopAndClientForwardedHeaders_AreNotPassedOn()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));

        // Raw bytes: HttpClient rewrites the Connection header. Kestrel reduces a Connection header holding
        // keep-alive or close to that token alone (docs/proxy.md), so this one names only the extension header,
        // and a second request closes the connection.
        var reply = await StreamingTests.RawRequestAsync(proxy.Address,
            "GET / HTTP/1.1\r\nHost: chat\r\nConnection: X-Hop-Secret\r\nX-Hop-Secret: only for the first hop\r\n" +
            "Keep-Alive: timeout=5\r\nProxy-Authorization: Basic Zm9vOmJhcg==\r\nX-Forwarded-For: 6.6.6.6\r\nForwarded: for=6.6.6.6\r\n\r\n" +
            "GET /second HTTP/1.1\r\nHost: chat\r\nConnection: close\r\n\r\n");
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var json = reply[start..(reply.IndexOf('}', reply.IndexOf("\"BodyLength\"", start, StringComparison.Ordinal)) + 1)];
        var echo = JsonSerializer.Deserialize<EchoedRequest>(json)!;

        Assert.Null(echo.Header("X-Hop-Secret"));
        Assert.Null(echo.Header("Keep-Alive"));
        Assert.Null(echo.Header("Proxy-Authorization"));
        Assert.Equal("127.0.0.1", echo.Header("X-Forwarded-For"));
        Assert.DoesNotContain("6.6.6.6", echo.Header("Forwarded"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_TrustedForwardedHeaders_AppendThisHop()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0, forwardingYaml: "forwarding:\n  trustForwardedHeaders: true"));

        var echo = await proxy.GetEchoAsync("/", r => r.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.7"));

        Assert.Equal("203.0.113.7, 127.0.0.1", echo.Header("X-Forwarded-For"));
    }

    [Fact]
    public async Task Forward_LargeUpload_ReachesUpstreamIntact()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[32 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }

            await context.Response.WriteAsync(Convert.ToHexString(hash.GetHashAndReset()));
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));
        var payload = RandomNumberGenerator.GetBytes(16 * 1024 * 1024);

        // No Content-Length: the body goes chunked, so the proxy cannot know its size up front.
        using var content = new StreamContent(new NonSeekableStream(payload));
        using var response = await proxy.Client.PostAsync("/upload", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(payload)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forward_LargeDownload_ReachesClientIntact()
    {
        const int Size = 16 * 1024 * 1024;
        var payload = new byte[Size];
        new Random(7).NextBytes(payload);
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.ContentLength = Size;
            for (var offset = 0; offset < Size; offset += 100_000)
            {
                await context.Response.Body.WriteAsync(payload.AsMemory(offset, Math.Min(100_000, Size - offset)));
            }
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));

        using var response = await proxy.Client.GetAsync("/download", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var hash = await SHA256.HashDataAsync(body);

        Assert.Equal(Size, response.Content.Headers.ContentLength);
        Assert.Equal(SHA256.HashData(payload), hash);
    }

    [Fact]
    public async Task Forward_UpstreamStatusHeadersAndCookies_ReachTheClient()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.Headers.Append("Set-Cookie", "session=abc; Path=/");
            context.Response.Headers["X-App-Error-Code"] = "none";
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("created");
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/items");
        request.Headers.Add("X-User-Id", "known-user");
        using var response = await proxy.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("created", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("none", response.Headers.GetValues("X-App-Error-Code").Single());
        Assert.Equal(["session=abc; Path=/"], response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task Forward_UnreachableRevision_Returns502ProblemWithCode()
    {
        var closedPort = ClosedLoopbackPort();
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync($"""
            routes:
              - name: chat
                revisions:
                  - name: gone
                    upstream: http://127.0.0.1:{closedPort}
                    weight: 1
            """);

        using var response = await proxy.Client.GetAsync("/x");
        var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("upstream_unreachable", problem.GetProperty("code").GetString());
        Assert.Equal(502, problem.GetProperty("status").GetInt32());
        Assert.Equal("gone", problem.GetProperty("revision").GetString());
        Assert.Equal("upstream_unreachable", response.Headers.GetValues("X-Airlock-Error").Single());
    }

    [Fact]
    public async Task Forward_RevisionAnswersGarbage_Returns502ProtocolError()
    {
        // A listener that answers any connection with bytes that are not an HTTP response.
        using var garbage = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        garbage.Start();
        var port = ((IPEndPoint)garbage.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var connection = await garbage.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            _ = await stream.ReadAsync(new byte[4096]); // the request line is enough; its content does not matter
            await stream.WriteAsync("SMTP ready, not HTTP\r\n\r\n"u8.ToArray());
        });
        await using var proxy = await ProxyUnderTest.StartAsync($"""
            routes:
              - name: chat
                revisions:
                  - name: odd
                    upstream: http://127.0.0.1:{port}
                    weight: 1
            """);

        using var response = await proxy.Client.GetAsync("/");
        var problem = await ReadProblemAsync(response);
        await serve.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("upstream_protocol_error", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Forward_RevisionSlowerThanResponseHeadersTimeout_Returns504ProblemWithCode()
    {
        var upstreamCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                upstreamCancelled.TrySetResult();
            }
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0, forwardingYaml: "forwarding:\n  responseHeadersTimeout: 200ms"));

        using var response = await proxy.Client.GetAsync("/slow");
        var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("upstream_response_timeout", problem.GetProperty("code").GetString());
        await upstreamCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Forward_NoMatchingRoute_Returns404ProblemWithCode()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var proxy = await ProxyUnderTest.StartAsync($"""
            routes:
              - name: api
                pathPrefix: /api
                revisions:
                  - name: v1
                    upstream: {v1.Address}
                    weight: 1
            """);

        using var response = await proxy.Client.GetAsync("/apix");
        var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no_route", problem.GetProperty("code").GetString());
        Assert.Equal(0, v1.Requests);
        Assert.Equal("v1", (await proxy.GetEchoAsync("/api/chat")).Revision);
    }

    internal static int ClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
}
