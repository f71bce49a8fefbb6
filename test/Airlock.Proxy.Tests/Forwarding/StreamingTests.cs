using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Tests.Forwarding;

public sealed class StreamingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sse_FirstEvent_ArrivesBeforeTheUpstreamFinishes()
    {
        // The upstream writes one event, then waits for the test to say it saw that event: a proxy that
        // buffered the response would never deliver it, and the bounded wait below would fail the test.
        var clientSawFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: first\n\n");
            await context.Response.Body.FlushAsync();
            await clientSawFirst.Task.WaitAsync(Bound);
            await context.Response.WriteAsync("data: second\n\n");
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));

        using var response = await proxy.Client.GetAsync("/agent/run", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync().WaitAsync(Bound);
        clientSawFirst.SetResult();
        var rest = await reader.ReadToEndAsync().WaitAsync(Bound);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("data: first", first);
        Assert.Equal("\ndata: second\n\n", rest);
    }

    [Fact]
    public async Task ContentLengthBody_TailWrittenAfterAPause_ReachesTheClientWithoutWaiting()
    {
        // A body with Content-Length is flushed only before a read that would wait. The first part goes out that way;
        // the tail then arrives and is followed at once by the end of the body, so it must be flushed at the end
        // (Kestrel's CompleteAsync does not send it: it would sit until the keep-alive timeout, 130 s).
        const int Head = 100_000;
        const int Tail = 1_000;
        var clientSawHead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.ContentLength = Head + Tail;
            await context.Response.Body.WriteAsync(new byte[Head]);
            await context.Response.Body.FlushAsync();
            await clientSawHead.Task.WaitAsync(Bound);
            await context.Response.Body.WriteAsync(Enumerable.Repeat((byte)7, Tail).ToArray());
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));

        using var response = await proxy.Client.GetAsync("/download", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[Head + Tail];
        await body.ReadExactlyAsync(buffer.AsMemory(0, Head)).AsTask().WaitAsync(Bound);
        clientSawHead.SetResult();
        await body.ReadExactlyAsync(buffer.AsMemory(Head, Tail)).AsTask().WaitAsync(Bound);

        Assert.Equal(Head + Tail, response.Content.Headers.ContentLength);
        Assert.All(buffer[Head..], b => Assert.Equal(7, b));
        Assert.Equal(0, await body.ReadAsync(new byte[1]).AsTask().WaitAsync(Bound));
    }

    [Fact]
    public async Task ClientDisconnect_MidStream_CancelsTheUpstreamRequest()
    {
        var upstreamCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: thinking\n\n");
            await context.Response.Body.FlushAsync();
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
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));

        var response = await proxy.Client.GetAsync("/agent/run", HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64];
        Assert.True(await stream.ReadAsync(buffer).AsTask().WaitAsync(Bound) > 0);
        response.Dispose();

        await upstreamCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task IdleStream_LongerThanIdleTimeout_IsCutButSlowSteadyStreamIsNot()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            var stall = context.Request.Path == "/stall";

            // Eight chunks 100 ms apart outlast the 300 ms idle timeout in total but never exceed it between chunks.
            for (var i = 0; i < 8; i++)
            {
                await context.Response.WriteAsync($"data: {i}\n\n");
                await context.Response.Body.FlushAsync();
                await Task.Delay(stall && i == 1 ? TimeSpan.FromSeconds(30) : TimeSpan.FromMilliseconds(100), context.RequestAborted);
            }
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0, forwardingYaml: "forwarding:\n  idleStreamTimeout: 300ms"));

        var steady = await proxy.Client.GetStringAsync("/steady").WaitAsync(Bound);
        using var stalled = await proxy.Client.GetAsync("/stall", HttpCompletionOption.ResponseHeadersRead);
        var read = stalled.Content.ReadAsStringAsync().WaitAsync(Bound);

        Assert.Equal(8, steady.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
        await Assert.ThrowsAnyAsync<Exception>(() => read);
    }

    [Fact]
    public async Task AbsoluteFormRequestTarget_IsSentToTheConfiguredRevisionOnly()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));

        var reply = await RawRequestAsync(proxy.Address, "GET http://example.invalid/steal?x=1 HTTP/1.1\r\nHost: example.invalid\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200", reply, StringComparison.Ordinal);
        Assert.Contains("\"Path\":\"/steal\"", reply, StringComparison.Ordinal);
        Assert.Equal(1, v1.Requests);
    }

    [Fact]
    public async Task Connect_IsRefusedWith405()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));

        var reply = await RawRequestAsync(proxy.Address, "CONNECT example.invalid:443 HTTP/1.1\r\nHost: example.invalid:443\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 405", reply, StringComparison.Ordinal);
        Assert.Contains("method_not_allowed", reply, StringComparison.Ordinal);
        Assert.Equal(0, v1.Requests + v2.Requests);
    }

    internal static async Task<string> RawRequestAsync(Uri proxy, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, proxy.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync().WaitAsync(Bound);
    }
}
