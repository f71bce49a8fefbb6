using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Tests.Draining;

public sealed class DrainingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task OpenStream_WeightDropsToZero_KeepsFlowingWhileNewRequestsGoElsewhere_ThenDrained()
    {
        using var state = new TempDirectory();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: first\n\n");
            await context.Response.Body.FlushAsync();
            await release.Task.WaitAsync(Bound);
            await context.Response.WriteAsync("data: last\n\n");
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var admin = await AdminUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0), state.Path);
        using var stream = await admin.Proxy.Client.GetAsync("/agent/run", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("data: first", await reader.ReadLineAsync().WaitAsync(Bound));

        await admin.ApplyAsync(ProxyUnderTest.TwoRevisions(v1, 0, v2, 1));
        var draining = Revision(await admin.GetJsonAsync("/admin/routes/chat/drain"), "v1");
        var snapshot = Revision(await admin.GetJsonAsync("/admin/revisions/chat"), "v1");
        for (var user = 0; user < 20; user++)
        {
            Assert.Equal("v2", (await admin.Proxy.GetEchoAsync("/agent/run", r => r.Headers.Add("X-User-Id", $"new-{user}"))).Revision);
        }

        release.SetResult();
        var rest = await reader.ReadToEndAsync().WaitAsync(Bound);
        var drained = await WaitForStateAsync(admin, "v1", "drained");

        Assert.Equal("draining", draining.GetProperty("state").GetString());
        Assert.Equal(1, draining.GetProperty("inFlight").GetInt64());
        var since = draining.GetProperty("drainingSince").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromMinutes(10), draining.GetProperty("deadline").GetDateTimeOffset() - since);
        Assert.Equal("draining", snapshot.GetProperty("state").GetString());
        Assert.Equal("\ndata: last\n\n", rest);
        Assert.Equal(1, v1.Requests);
        Assert.Equal(0, drained.GetProperty("inFlight").GetInt64());
        Assert.Equal(0, drained.GetProperty("cut").GetInt64());
        Assert.True(drained.GetProperty("drainedAt").GetDateTimeOffset() >= since);
    }

    [Fact]
    public async Task OpenStream_PastTheDrainBound_IsCut()
    {
        using var state = new TempDirectory();
        var upstreamCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: thinking\n\n");
            await context.Response.Body.FlushAsync();
            try
            {
                // Keeps the stream open with keep-alive comments, so only the drain bound can end it.
                while (true)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), context.RequestAborted);
                    await context.Response.WriteAsync(": keep-alive\n\n", context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                upstreamCancelled.TrySetResult();
            }
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        const string Forwarding = "forwarding:\n  drainTimeout: 300ms";
        await using var admin = await AdminUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0, forwardingYaml: Forwarding), state.Path);
        using var stream = await admin.Proxy.Client.GetAsync("/agent/run", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("data: thinking", await reader.ReadLineAsync().WaitAsync(Bound));

        await admin.ApplyAsync(ProxyUnderTest.TwoRevisions(v1, 0, v2, 1, forwardingYaml: Forwarding));

        // The connection is aborted: an I/O error, not the test's own timeout.
        var cut = await Record.ExceptionAsync(() => reader.ReadToEndAsync().WaitAsync(Bound));
        Assert.NotNull(cut);
        Assert.IsNotType<TimeoutException>(cut);
        await upstreamCancelled.Task.WaitAsync(Bound);
        var drained = await WaitForStateAsync(admin, "v1", "drained");
        Assert.Equal(1, drained.GetProperty("cut").GetInt64());
    }

    private static JsonElement Revision(JsonElement body, string name) =>
        body.GetProperty("revisions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    /// <summary>The revision's drain entry once it reaches <paramref name="state"/>: the proxy finishes its bookkeeping just after the client sees the end.</summary>
    private static async Task<JsonElement> WaitForStateAsync(AdminUnderTest admin, string revision, string state)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var entry = Revision(await admin.GetJsonAsync("/admin/routes/chat/drain"), revision);
            if (entry.GetProperty("state").GetString() == state || DateTime.UtcNow > deadline)
            {
                Assert.Equal(state, entry.GetProperty("state").GetString());
                return entry;
            }

            await Task.Delay(20);
        }
    }
}
