using Airlock.Core.Security;
using Airlock.Proxy.Admin;
using Airlock.Proxy.Hosting;
using Airlock.Proxy.Persistence;
using Airlock.Rollouts.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Routing;

/// <summary>
/// A real <c>airlock proxy</c> in process: the data plane and the admin API on loopback port 0, the table
/// persisted and the token in a file in a test folder, as <c>airlock proxy --admin</c> runs them.
/// </summary>
internal sealed class ProxyWithAdmin : IAsyncDisposable
{
    public const string Token = "rollouts-test-token-0123456789abcdef";

    private readonly ProxyServer _proxy;
    private readonly AdminServer _admin;

    private ProxyWithAdmin(ProxyServer proxy, AdminServer admin, string tokenFile, HttpClient client)
    {
        _proxy = proxy;
        _admin = admin;
        TokenFile = tokenFile;
        Client = client;
    }

    public string TokenFile { get; }

    /// <summary>A data-plane client that keeps no cookies.</summary>
    public HttpClient Client { get; }

    public Uri AdminAddress => _admin.Addresses[0];

    public static async Task<ProxyWithAdmin> StartAsync(string routeFileYaml, string folder)
    {
        var store = new RouteTableStore(Path.Combine(folder, "routes.state.json"));
        var (config, source) = store.Restore(routeFileYaml, "routes.yaml");
        var proxy = ProxyServer.Create(config, ["http://127.0.0.1:0"], TimeProvider.System);
        await proxy.StartAsync();
        var tokenFile = Path.Combine(folder, "admin.token");
        await File.WriteAllTextAsync(tokenFile, Token);
        var administrator = new RouteAdministrator(proxy.Routes, source, config.Forwarding, store, NullLogger.Instance);
        var admin = AdminServer.Create("http://127.0.0.1:0", BearerToken.LoadOrCreate(tokenFile, out _), administrator, proxy.Telemetry, proxy.Drains);
        await admin.StartAsync();
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false }) { BaseAddress = proxy.Addresses[0] };
        return new ProxyWithAdmin(proxy, admin, tokenFile, client);
    }

    public ProxyAdminClient AdminClient(HttpClient http, string? tokenFile = null) =>
        new(http, new ProxyAdminOptions(AdminAddress, tokenFile ?? TokenFile) { Backoff = [TimeSpan.FromMilliseconds(1)] }, TimeProvider.System, NullLogger.Instance);

    /// <summary>Which revision served <paramref name="users"/> distinct users (by X-User-Id), counted by name.</summary>
    public async Task<Dictionary<string, int>> SpreadAsync(int users)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < users; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add("X-User-Id", $"user-{i}");
            using var response = await Client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var name = await response.Content.ReadAsStringAsync();
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _admin.DisposeAsync();
        await _proxy.DisposeAsync();
    }
}
