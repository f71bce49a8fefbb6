using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Airlock.Proxy.Tests.Admin;

public sealed class AdminApiTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer test-admin-token-012345678")]
    [InlineData("Basic dGVzdC1hZG1pbi10b2tlbi0wMTIzNDU2Nzg5")]
    public async Task AdminRequest_MissingOrWrongToken_Returns401(string? authorization)
    {
        using var state = new TempDirectory();
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var admin = await AdminUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0), state.Path);
        using var client = new HttpClient { BaseAddress = admin.Admin.Addresses[0] };

        foreach (var (method, path) in new[] { (HttpMethod.Get, "/admin/routes"), (HttpMethod.Put, "/admin/routes"), (HttpMethod.Get, "/admin/revisions/chat") })
        {
            using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Put ? new StringContent("version: 1") : null };
            request.Headers.IfMatch.ParseAdd("\"1\"");
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Equal(1, admin.Proxy.Server.Routes.Current.Generation);
    }

    [Fact]
    public async Task PutRoutes_ThenGet_RoundTripsAndRoutesByTheNewTable()
    {
        using var state = new TempDirectory();
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var admin = await AdminUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0), state.Path);
        var before = await GetRoutesAsync(admin);
        Assert.Equal(1, before.Version);
        Assert.Equal("v1", (await admin.Proxy.GetEchoAsync("/", r => r.Headers.Add("X-User-Id", "u1"))).Revision);

        var next = ProxyUnderTest.TwoRevisions(v1, 0, v2, 1);
        using var put = await PutRoutesAsync(admin, next, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("\"2\"", put.Headers.ETag?.Tag);

        var after = await GetRoutesAsync(admin);
        Assert.Equal(2, after.Version);
        Assert.Equal(next, after.Routes);
        Assert.Equal("v2", (await admin.Proxy.GetEchoAsync("/", r => r.Headers.Add("X-User-Id", "u1"))).Revision);
    }

    [Fact]
    public async Task PutRoutes_StaleVersion_Returns409AndKeepsTheTable()
    {
        using var state = new TempDirectory();
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var admin = await AdminUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0), state.Path);
        using (var first = await PutRoutesAsync(admin, ProxyUnderTest.TwoRevisions(v1, 1, v2, 1), "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // A second operator who read version 1 before the first change landed.
        using var stale = await PutRoutesAsync(admin, ProxyUnderTest.TwoRevisions(v1, 0, v2, 1), "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal("stale_version", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(2, problem.RootElement.GetProperty("version").GetInt64());
        Assert.Equal(1, admin.Proxy.Server.Routes.Current.Routes[0].Find("v1")!.Weight);
        Assert.Equal(2, (await GetRoutesAsync(admin)).Version);
    }

    [Fact]
    public async Task PutRoutes_InvalidTable_Returns400WithEveryErrorAndKeepsTheTable()
    {
        using var state = new TempDirectory();
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var admin = await AdminUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0), state.Path);
        var invalid = ProxyUnderTest.TwoRevisions(v1, -1, v2, 1).Replace("salt: rollout-1", "salt: rollout-1\n    colour: blue", StringComparison.Ordinal);

        using var response = await PutRoutesAsync(admin, invalid, "\"1\"");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var messages = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m!.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(messages, m => m!.Contains("weight", StringComparison.Ordinal));
        Assert.Equal(1, (await GetRoutesAsync(admin)).Version);
        Assert.Equal("v1", (await admin.Proxy.GetEchoAsync("/", r => r.Headers.Add("X-User-Id", "u1"))).Revision);
    }

    [Fact]
    public async Task PutRoutes_WithoutIfMatch_Returns428()
    {
        using var state = new TempDirectory();
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var admin = await AdminUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0), state.Path);

        using var response = await PutRoutesAsync(admin, ProxyUnderTest.TwoRevisions(v1, 0, v2, 1), ifMatch: null);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal(1, admin.Proxy.Server.Routes.Current.Generation);
    }

    [Fact]
    public async Task Restart_AfterAnAppliedChange_RoutesExactlyAsBefore()
    {
        using var state = new TempDirectory();
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        var routeFile = ProxyUnderTest.TwoRevisions(v1, 1, v2, 0);
        var placed = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var admin = await AdminUnderTest.StartAsync(routeFile, state.Path))
        {
            using var put = await PutRoutesAsync(admin, ProxyUnderTest.TwoRevisions(v1, 50, v2, 50), "\"1\"");
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            for (var i = 0; i < 40; i++)
            {
                placed[$"user-{i}"] = (await admin.Proxy.GetEchoAsync("/", r => r.Headers.Add("X-User-Id", $"user-{i}"))).Revision;
            }
        }

        // The route file still says 100/0; the persisted table (50/50, generation 2) wins.
        await using var restarted = await AdminUnderTest.StartAsync(routeFile, state.Path);

        Assert.Equal(2, (await GetRoutesAsync(restarted)).Version);
        Assert.Contains("v2", placed.Values);
        foreach (var (user, revision) in placed)
        {
            Assert.Equal(revision, (await restarted.Proxy.GetEchoAsync("/", r => r.Headers.Add("X-User-Id", user))).Revision);
        }
    }

    [Fact]
    public async Task PutRoutes_StateFileChangedByAnotherWriter_Returns409AndKeepsTheTable()
    {
        using var state = new TempDirectory();
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var admin = await AdminUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0), state.Path);
        var statePath = AdminUnderTest.StatePath(state.Path);
        var foreign = File.ReadAllText(statePath).Replace("\"generation\": 1", "\"generation\": 7", StringComparison.Ordinal);
        File.WriteAllText(statePath, foreign);

        using var response = await PutRoutesAsync(admin, ProxyUnderTest.TwoRevisions(v1, 0, v2, 1), "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("store_conflict", response.Headers.GetValues("X-Airlock-Error").Single());
        Assert.Equal(foreign, File.ReadAllText(statePath));
        Assert.Equal(1, admin.Proxy.Server.Routes.Current.Generation);
    }

    [Fact]
    public async Task GetRevisions_AfterTraffic_ReportsEachRevisionsCountersAndLatency()
    {
        using var state = new TempDirectory();
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var admin = await AdminUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0), state.Path);
        for (var i = 0; i < 5; i++)
        {
            await admin.Proxy.GetEchoAsync("/");
        }

        using var snapshot = JsonDocument.Parse(await admin.Client.GetStringAsync("/admin/revisions/chat"));

        var root = snapshot.RootElement;
        Assert.Equal("chat", root.GetProperty("route").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt64());
        var revisions = root.GetProperty("revisions").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(5, revisions["v1"].GetProperty("requests").GetInt64());
        Assert.Equal(5, revisions["v1"].GetProperty("responses").GetProperty("2xx").GetInt64());
        Assert.Equal(5, revisions["v1"].GetProperty("latency").GetProperty("count").GetInt64());
        Assert.True(revisions["v1"].GetProperty("latency").GetProperty("p99").GetDouble() > 0);
        Assert.Equal(0, revisions["v2"].GetProperty("requests").GetInt64());
        Assert.Equal(JsonValueKind.Null, revisions["v2"].GetProperty("latency").GetProperty("p50").ValueKind);

        using var unknown = await admin.Client.GetAsync("/admin/revisions/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<RoutesBody> GetRoutesAsync(AdminUnderTest admin)
    {
        using var response = await admin.Client.GetAsync("/admin/routes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<RoutesBody>())!;
        Assert.Equal($"\"{body.Version}\"", response.Headers.ETag?.Tag);
        return body;
    }

    private static async Task<HttpResponseMessage> PutRoutesAsync(AdminUnderTest admin, string routes, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/admin/routes") { Content = new StringContent(routes, Encoding.UTF8, "application/yaml") };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }

        return await admin.Client.SendAsync(request);
    }

    private sealed record RoutesBody(long Version, string Routes);
}
