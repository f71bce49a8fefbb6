using System.Net;

namespace Airlock.Proxy.Tests.Admin;

public sealed class AdminLoadTests
{
    [Fact]
    public async Task PutRoutes_HundredWeightChangesUnderLoad_LoseNoRequest()
    {
        using var state = new TempDirectory();
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var admin = await AdminUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 100, v2, 0), state.Path);
        const int Requests = 2000;
        const int Changes = 100;
        var failures = 0;
        var done = 0;

        // Each change goes through the admin API like the controller's: version check, validation, persisting, swap.
        var changes = Task.Run(async () =>
        {
            for (var change = 1; change <= Changes; change++)
            {
                var w2 = change % 11 * 10;
                await admin.ApplyAsync(ProxyUnderTest.TwoRevisions(v1, 100 - w2, v2, w2));

                // Spread the changes across the load rather than finishing them before it starts.
                while (Volatile.Read(ref done) < change * Requests / (Changes + 1))
                {
                    await Task.Delay(1);
                }
            }
        });
        await Parallel.ForAsync(0, Requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/agent/run") { Content = new StringContent($"turn {i}") };
            request.Headers.Add("X-User-Id", $"load-{i % 300}");
            using var response = await admin.Proxy.Client.SendAsync(request, token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains($"\"BodyLength\":{$"turn {i}".Length}", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref failures);
            }

            Interlocked.Increment(ref done);
        });
        await changes.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, failures);
        Assert.Equal(Requests, v1.Requests + v2.Requests);
        Assert.Equal(Changes + 1, admin.Proxy.Server.Routes.Current.Generation);
        Assert.True(v2.Requests > 0, "the changes gave v2 traffic during the run");
        await admin.WaitUntilNothingInFlightAsync();
        var window = await admin.GetJsonAsync("/admin/revisions/chat/window?last=15m");
        Assert.Equal(Requests, window.GetProperty("revisions").EnumerateArray().Sum(r => r.GetProperty("requests").GetInt64()));
    }
}
