using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Airlock.Proxy.Hosting;

namespace Airlock.Proxy.Tests;

/// <summary>A real <see cref="ProxyServer"/> on loopback port 0 in front of real upstreams, with a client that keeps no cookies.</summary>
internal sealed class ProxyUnderTest : IAsyncDisposable
{
    private ProxyUnderTest(ProxyServer server, HttpClient client)
    {
        Server = server;
        Client = client;
    }

    public ProxyServer Server { get; }

    public HttpClient Client { get; }

    public Uri Address => Server.Addresses[0];

    public static Task<ProxyUnderTest> StartAsync(string routeFileYaml, TimeProvider? time = null, string listen = "http://127.0.0.1:0") =>
        StartAsync(ProxyConfigLoader.Parse(routeFileYaml, "routes.yaml"), time, listen);

    public static async Task<ProxyUnderTest> StartAsync(ProxyConfig config, TimeProvider? time = null, string listen = "http://127.0.0.1:0", X509Certificate2? certificate = null)
    {
        var server = ProxyServer.Create(config, [listen], time ?? TimeProvider.System, certificate: certificate);
        await server.StartAsync();
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = server.Addresses[0],
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new ProxyUnderTest(server, client);
    }

    /// <summary>A two-revision route on <c>/</c> with the given weights and extra route keys (indented YAML lines).</summary>
    public static string TwoRevisions(UpstreamServer v1, int w1, UpstreamServer v2, int w2, string extraRouteYaml = "", string forwardingYaml = "") => $"""
        version: 1
        routes:
          - name: chat
            salt: rollout-1
            userKey:
              header: X-User-Id
              cookie: airlock_uid
        {extraRouteYaml}
            revisions:
              - name: {v1.Name}
                upstream: {v1.Address}
                weight: {w1}
              - name: {v2.Name}
                upstream: {v2.Address}
                weight: {w2}
        {forwardingYaml}
        """;

    public async Task<EchoedRequest> GetEchoAsync(string path, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
