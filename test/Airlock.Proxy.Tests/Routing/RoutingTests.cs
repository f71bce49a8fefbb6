using System.Net;
using Airlock.Proxy.Hosting;

namespace Airlock.Proxy.Tests.Routing;

public sealed class RoutingTests
{
    [Fact]
    public async Task Weights_ManyUsers_ConvergeToTheirShare()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 90, v2, 10));
        const int Users = 2000;

        await Parallel.ForAsync(0, Users, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await proxy.GetEchoAsync("/", r => r.Headers.Add("X-User-Id", $"user-{i}")));

        // Binomial standard deviation at p = 0.1, n = 2000 is 0.67 points: 3 points is over four of them.
        var share = v2.Requests / (double)Users;
        Assert.Equal(Users, v1.Requests + v2.Requests);
        Assert.InRange(share, 0.07, 0.13);
    }

    [Fact]
    public async Task UserKeyHeader_RepeatedRequests_StayOnOneRevision()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 50, v2, 50));

        for (var user = 0; user < 20; user++)
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < 10; i++)
            {
                seen.Add((await proxy.GetEchoAsync("/", r => r.Headers.Add("X-User-Id", $"sticky-{user}"))).Revision);
            }

            Assert.Single(seen);
        }

        // Twenty users at 50/50 all on one side would be a 1-in-500,000 accident, not stickiness.
        Assert.True(v1.Requests > 0 && v2.Requests > 0);
    }

    [Fact]
    public async Task FirstTimeVisitor_GetsUserKeyCookie_AndFollowsItAfterARestart()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        var routes = ProxyUnderTest.TwoRevisions(v1, 50, v2, 50);
        string cookie;
        string first;
        await using (var proxy = await ProxyUnderTest.StartAsync(routes))
        {
            using var response = await proxy.Client.GetAsync("/");
            var setCookie = response.Headers.GetValues("Set-Cookie").Single();
            Assert.StartsWith("airlock_uid=", setCookie, StringComparison.Ordinal);
            Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
            cookie = setCookie.Split(';')[0];
            first = response.Headers.GetValues("X-Revision").Single();
        }

        // A new proxy process (same route file) must send the visitor to the same revision: the bucket is a pure function.
        await using var restarted = await ProxyUnderTest.StartAsync(routes);
        for (var i = 0; i < 10; i++)
        {
            var echo = await restarted.GetEchoAsync("/", r => r.Headers.Add("Cookie", cookie));
            Assert.Equal(first, echo.Revision);
            Assert.Equal(cookie, echo.Header("Cookie"));
        }
    }

    [Fact]
    public async Task RingAllowList_ListedUserOrHeader_GoesToRingRevisionEvenAtWeightZero()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        const string Rings = """
                rings:
                  - revision: v2
                    userKeys: [alice]
                  - revision: v2
                    header: X-Airlock-Ring
                    values: [internal]
            """;
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 100, v2, 0, Rings));

        var alice = await proxy.GetEchoAsync("/", r => r.Headers.Add("X-User-Id", "alice"));
        var staff = await proxy.GetEchoAsync("/", r => r.Headers.Add("X-Airlock-Ring", "internal"));
        var bob = await proxy.GetEchoAsync("/", r => r.Headers.Add("X-User-Id", "bob"));
        var outsider = await proxy.GetEchoAsync("/", r => r.Headers.Add("X-Airlock-Ring", "partner"));

        Assert.Equal("v2", alice.Revision);
        Assert.Equal("v2", staff.Revision);
        Assert.Equal("v1", bob.Revision);
        Assert.Equal("v1", outsider.Revision);
    }

    [Fact]
    public async Task Conversation_StartedOnARevision_StaysOnItWhileItServes()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        const string Conversation = """
                conversation:
                  header: X-Conversation-Id
            """;
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 100, v2, 0, Conversation));
        void InConversation(HttpRequestMessage r, string user)
        {
            r.Headers.Add("X-Conversation-Id", "thread-1");
            r.Headers.Add("X-User-Id", user);
        }

        Assert.Equal("v1", (await proxy.GetEchoAsync("/", r => InConversation(r, "u0"))).Revision);

        // Stable drops to 1%: users that now land on v2 still finish the thread on v1.
        Swap(proxy, ProxyUnderTest.TwoRevisions(v1, 1, v2, 99, Conversation), 2);
        for (var i = 1; i <= 20; i++)
        {
            Assert.Equal("v1", (await proxy.GetEchoAsync("/", r => InConversation(r, $"u{i}"))).Revision);
        }

        // v1 stops serving: the thread moves on rather than failing.
        Swap(proxy, ProxyUnderTest.TwoRevisions(v1, 0, v2, 100, Conversation), 3);
        Assert.Equal("v2", (await proxy.GetEchoAsync("/", r => InConversation(r, "u0"))).Revision);
    }

    [Fact]
    public async Task WeightChanges_HundredSwapsUnderLoad_LoseNoRequest()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 100, v2, 0));
        const int Requests = 3000;
        var failures = 0;
        var done = 0;

        var swaps = Task.Run(async () =>
        {
            for (var generation = 2; generation < 102; generation++)
            {
                var w2 = generation % 11 * 10;
                Swap(proxy, ProxyUnderTest.TwoRevisions(v1, 100 - w2, v2, w2), generation);

                // Spread the swaps across the load rather than finishing them before it starts.
                while (Volatile.Read(ref done) < (generation - 1) * Requests / 101)
                {
                    await Task.Yield();
                }
            }
        });
        await Parallel.ForAsync(0, Requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/agent/run") { Content = new StringContent($"turn {i}") };
            request.Headers.Add("X-User-Id", $"load-{i % 500}");
            using var response = await proxy.Client.SendAsync(request, token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains($"\"BodyLength\":{$"turn {i}".Length}", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref failures);
            }

            Interlocked.Increment(ref done);
        });
        await swaps.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, failures);
        Assert.Equal(Requests, v1.Requests + v2.Requests);
        Assert.Equal(101, proxy.Server.Routes.Current.Generation);
        Assert.True(v2.Requests > 0, "the swaps gave v2 traffic during the run");
    }

    private static void Swap(ProxyUnderTest proxy, string routeFileYaml, long generation) =>
        proxy.Server.Routes.Swap(ProxyConfigLoader.Parse(routeFileYaml, "routes.yaml", generation).Routes);
}
