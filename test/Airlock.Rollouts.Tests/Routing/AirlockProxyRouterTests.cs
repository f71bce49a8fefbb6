using Airlock.Core.Deployment;
using Airlock.Proxy.Hosting;
using Airlock.Rollouts.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Routing;

public sealed class AirlockProxyRouterTests : IAsyncLifetime, IDisposable
{
    private static readonly RouteSpec Defaults = new() { UserKeyHeader = "X-User-Id", UserKeyCookie = null, ConversationHeader = "X-Conversation-Id" };
    private readonly TempDirectory _folder = new();
    private readonly HttpClient _http = new();
    private RevisionServer _v1 = null!;
    private RevisionServer _v2 = null!;

    public async Task InitializeAsync()
    {
        _v1 = await RevisionServer.StartAsync("v1");
        _v2 = await RevisionServer.StartAsync("v2");
    }

    public async Task DisposeAsync()
    {
        await _v1.DisposeAsync();
        await _v2.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task ReadAsync_ServingTable_ReturnsRevisionsWeightsAndSalt()
    {
        await using var proxy = await ProxyWithAdmin.StartAsync(Routes(100, 0), _folder.Path);

        var state = await Router(proxy).ReadAsync(default);

        Assert.Equal(("chat", 1L, "rollout-1"), (state.Route, state.Version, state.Salt));
        Assert.Equal([("v1", _v1.Address, 100), ("v2", _v2.Address, 0)], state.Revisions.Select(r => (r.Name, r.Upstream, r.Weight)));
        Assert.All(state.Revisions, r => Assert.Equal("serving", r.State));
    }

    [Fact]
    public async Task ApplyAsync_NewWeights_VerifiedAndRequestsFollowThem()
    {
        await using var proxy = await ProxyWithAdmin.StartAsync(Routes(100, 0), _folder.Path);
        var router = Router(proxy);
        Assert.Equal(new Dictionary<string, int> { ["v1"] = 40 }, await proxy.SpreadAsync(40));

        var current = await router.ReadAsync(default);
        var allOnV2 = await router.ApplyAsync(WithWeights(current, 0, 100), default);
        Assert.Equal(2, allOnV2.Version);
        Assert.Equal(new Dictionary<string, int> { ["v2"] = 40 }, await proxy.SpreadAsync(40));

        var half = await router.ApplyAsync(WithWeights(allOnV2, 50, 50), default);
        Assert.Equal([50, 50], half.Revisions.Select(r => r.Weight));
        var spread = await proxy.SpreadAsync(200);
        Assert.InRange(spread["v1"], 70, 130);
        Assert.InRange(spread["v2"], 70, 130);
    }

    [Fact]
    public async Task ApplyAsync_KeepsOtherRoutesForwardingUserKeyAndRings()
    {
        var extra = $"""
                conversation:
                  header: X-Conversation-Id
                rings:
                  - revision: v2
                    userKeys: [alice]
              - name: docs
                pathPrefix: /docs
                revisions:
                  - name: d1
                    upstream: {_v1.Address}
                    weight: 1
            forwarding:
              connectTimeout: 3s
            """;
        await using var proxy = await ProxyWithAdmin.StartAsync(Routes(100, 0, extra), _folder.Path);
        var router = Router(proxy);

        var applied = await router.ApplyAsync(WithWeights(await router.ReadAsync(default), 90, 10) with { Salt = "rollout-2" }, default);

        var text = await RoutesTextAsync(proxy);
        var served = ProxyConfigLoader.Parse(text, "served");
        var chat = served.Routes.Find("chat")!;
        Assert.Equal(TimeSpan.FromSeconds(3), served.Forwarding.ConnectTimeout);
        Assert.NotNull(served.Routes.Find("docs"));
        Assert.Equal(("X-User-Id", "X-Conversation-Id", "rollout-2"), (chat.UserKey.Header, chat.ConversationHeader, chat.Salt));
        Assert.Equal("v2", Assert.Single(chat.Rings).Revision);
        Assert.Equal("rollout-2", applied.Salt);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-User-Id", "alice");
        using var response = await proxy.Client.SendAsync(request);
        Assert.Equal("v2", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApplyAsync_RemovingARingsRevision_DropsThatRing()
    {
        var extra = """
                rings:
                  - revision: v2
                    userKeys: [alice]
            """;
        await using var proxy = await ProxyWithAdmin.StartAsync(Routes(50, 50, extra), _folder.Path);
        var router = Router(proxy);
        var current = await router.ReadAsync(default);

        var applied = await router.ApplyAsync(current with { Revisions = [current.Revisions[0] with { Weight = 100 }] }, default);

        Assert.Equal("v1", Assert.Single(applied.Revisions).Name);
        Assert.Empty(ProxyConfigLoader.Parse(await RoutesTextAsync(proxy), "served").Routes.Find("chat")!.Rings);
    }

    [Fact]
    public async Task ApplyAsync_RouteTheProxyLacks_IsAddedWithAirlockYamlsStickyKey()
    {
        var other = $"""
            version: 1
            routes:
              - name: docs
                pathPrefix: /docs
                revisions:
                  - name: d1
                    upstream: {_v1.Address}
                    weight: 1
            """;
        await using var proxy = await ProxyWithAdmin.StartAsync(other, _folder.Path);
        var router = Router(proxy);
        var empty = await router.ReadAsync(default);
        Assert.Empty(empty.Revisions);

        await router.ApplyAsync(empty with { Revisions = [new RouteRevision("v2", _v2.Address, 100)] }, default);

        var chat = ProxyConfigLoader.Parse(await RoutesTextAsync(proxy), "served").Routes.Find("chat")!;
        Assert.Equal(("/", "X-User-Id", "X-Conversation-Id"), (chat.PathPrefix.Value, chat.UserKey.Header, chat.ConversationHeader));
        Assert.Equal(new Dictionary<string, int> { ["v2"] = 10 }, await proxy.SpreadAsync(10));
    }

    [Fact]
    public async Task ApplyAsync_RouteFileWrittenAsJson_IsRenderedAndServed()
    {
        var json = $$"""
            {"version": 1, "forwarding": {"connectTimeout": "4s"}, "routes": [{"name": "chat", "userKey": {"header": "X-User-Id"},
              "revisions": [{"name": "v1", "upstream": "{{_v1.Address}}", "weight": 100}, {"name": "v2", "upstream": "{{_v2.Address}}", "weight": 0}]}]}
            """;
        await using var proxy = await ProxyWithAdmin.StartAsync(json, _folder.Path);
        var router = Router(proxy);

        await router.ApplyAsync(WithWeights(await router.ReadAsync(default), 0, 100), default);

        Assert.Equal(TimeSpan.FromSeconds(4), ProxyConfigLoader.Parse(await RoutesTextAsync(proxy), "served").Forwarding.ConnectTimeout);
        Assert.Equal(new Dictionary<string, int> { ["v2"] = 20 }, await proxy.SpreadAsync(20));
    }

    [Fact]
    public async Task ApplyAsync_StaleVersion_ThrowsStaleAndChangesNothing()
    {
        await using var proxy = await ProxyWithAdmin.StartAsync(Routes(100, 0), _folder.Path);
        var router = Router(proxy);
        var read = await router.ReadAsync(default);
        await router.ApplyAsync(WithWeights(read, 95, 5), default);

        var error = await Assert.ThrowsAsync<RouterException>(() => router.ApplyAsync(WithWeights(read, 0, 100), default));

        Assert.Equal("stale_version", error.Code);
        Assert.Equal([95, 5], (await router.ReadAsync(default)).Revisions.Select(r => r.Weight));
    }

    [Fact]
    public async Task ApplyAsync_TableTheProxyRefuses_ThrowsWithItsErrors()
    {
        await using var proxy = await ProxyWithAdmin.StartAsync(Routes(100, 0), _folder.Path);
        var router = Router(proxy);

        var error = await Assert.ThrowsAsync<RouterException>(async () => await router.ApplyAsync(WithWeights(await router.ReadAsync(default), 0, 0), default));

        Assert.Equal("invalid_routes", error.Code);
        Assert.Contains("every revision has weight 0", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await router.ReadAsync(default)).Version);
    }

    [Fact]
    public async Task ReadAsync_WrongTokenThenRightOne_RereadsTheFileAndNeverShowsIt()
    {
        await using var proxy = await ProxyWithAdmin.StartAsync(Routes(100, 0), _folder.Path);
        var tokenFile = _folder.File("other.token");
        await File.WriteAllTextAsync(tokenFile, "a-wrong-token-that-is-long-enough");
        var router = new AirlockProxyRouter(proxy.AdminClient(_http, tokenFile), "chat", Defaults, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<RouterException>(() => router.ReadAsync(default));
        Assert.Equal("unauthorized", error.Code);
        Assert.DoesNotContain("a-wrong-token", error.Message, StringComparison.Ordinal);

        await File.WriteAllTextAsync(tokenFile, ProxyWithAdmin.Token);
        Assert.Equal(2, (await router.ReadAsync(default)).Revisions.Length);
    }

    [Fact]
    public async Task ReadAsync_NothingListening_ThrowsUnreachableAfterBoundedRetries()
    {
        Uri closed;
        await using (var gone = await RevisionServer.StartAsync("gone"))
        {
            closed = gone.Address;
        }

        var tokenFile = _folder.File("admin.token");
        await File.WriteAllTextAsync(tokenFile, ProxyWithAdmin.Token);
        var options = new ProxyAdminOptions(closed, tokenFile) { Backoff = [TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)] };
        var router = new AirlockProxyRouter(new ProxyAdminClient(_http, options, TimeProvider.System, NullLogger.Instance), "chat", Defaults, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<RouterException>(() => router.ReadAsync(default));

        Assert.Equal("unreachable", error.Code);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
    }

    private AirlockProxyRouter Router(ProxyWithAdmin proxy) => new(proxy.AdminClient(_http), "chat", Defaults, NullLogger.Instance);

    private static RouteState WithWeights(RouteState state, int v1, int v2) =>
        state with { Revisions = [state.Revisions[0] with { Weight = v1 }, state.Revisions[1] with { Weight = v2 }] };

    private async Task<string> RoutesTextAsync(ProxyWithAdmin proxy)
    {
        var response = await proxy.AdminClient(_http).GetAsync("/admin/routes", default);
        return response.Body.GetProperty("routes").GetString()!;
    }

    private string Routes(int w1, int w2, string extra = "") => $"""
        version: 1
        routes:
          - name: chat
            salt: rollout-1
            userKey:
              header: X-User-Id
            revisions:
              - name: v1
                upstream: {_v1.Address}
                weight: {w1}
              - name: v2
                upstream: {_v2.Address}
                weight: {w2}
        {extra}
        """;
}
