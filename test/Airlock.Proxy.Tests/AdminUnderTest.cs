using Airlock.Core.Security;
using System.Net.Http.Headers;
using Airlock.Proxy.Admin;
using Airlock.Proxy.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Proxy.Tests;

/// <summary>A real proxy restored from a state file in a test folder plus its admin API, both on loopback port 0.</summary>
internal sealed partial class AdminUnderTest : IAsyncDisposable
{
    public const string Token = "test-admin-token-0123456789";

    private AdminUnderTest(ProxyUnderTest proxy, AdminServer admin, HttpClient client)
    {
        Proxy = proxy;
        Admin = admin;
        Client = client;
    }

    public ProxyUnderTest Proxy { get; }

    public AdminServer Admin { get; }

    /// <summary>A client for the admin API that sends the right token.</summary>
    public HttpClient Client { get; }

    public static string StatePath(string stateDirectory) => Path.Combine(stateDirectory, "routes.state.json");

    public static async Task<AdminUnderTest> StartAsync(string routeFileYaml, string stateDirectory)
    {
        var store = new RouteTableStore(StatePath(stateDirectory));
        var (config, source) = store.Restore(routeFileYaml, "routes.yaml");
        var proxy = await ProxyUnderTest.StartAsync(config);
        var administrator = new RouteAdministrator(proxy.Server.Routes, source, config.Forwarding, store, NullLogger.Instance);
        var admin = AdminServer.Create("http://127.0.0.1:0", new BearerToken(Token), administrator, proxy.Server.Telemetry, proxy.Server.Drains);
        await admin.StartAsync();
        var client = new HttpClient { BaseAddress = admin.Addresses[0] };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return new AdminUnderTest(proxy, admin, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Admin.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
