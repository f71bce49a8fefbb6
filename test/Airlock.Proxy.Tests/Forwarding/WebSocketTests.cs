using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Tests.Forwarding;

public sealed class WebSocketTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WebSocket_EchoThroughProxy_RoundTripsTextAndBinaryAndCountsOneRequest()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1", EchoAsync);
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(WebSocketAddress(proxy, "/ws"), CancellationToken.None).WaitAsync(Bound);

        await socket.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var (type, text) = await ReceiveMessageAsync(socket);
        Assert.Equal(WebSocketMessageType.Text, type);
        Assert.Equal("hello", Encoding.UTF8.GetString(text));

        // Larger than the tunnel's copy buffer, so it crosses in several reads both ways.
        var binary = new byte[200_000];
        new Random(7).NextBytes(binary);
        await socket.SendAsync(binary, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        var (binaryType, echoed) = await ReceiveMessageAsync(socket);
        Assert.Equal(WebSocketMessageType.Binary, binaryType);
        Assert.Equal(binary, echoed);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(Bound);
        Assert.Equal(WebSocketState.Closed, socket.State);

        var telemetry = proxy.Server.Telemetry.For("chat", "v1");
        await WaitUntilAsync(() => telemetry.InFlight == 0);
        Assert.Equal(1, telemetry.Requests);
        Assert.Equal(1, telemetry.ResponsesOfClass(1));
        Assert.Equal(0, telemetry.Errors);
        Assert.True(telemetry.BytesIn > binary.Length, $"bytes in {telemetry.BytesIn}");
        Assert.True(telemetry.BytesOut > binary.Length, $"bytes out {telemetry.BytesOut}");
    }

    [Fact]
    public async Task WebSocket_ClientCloses_RevisionSeesTheCloseStatus()
    {
        var revisionSaw = new TaskCompletionSource<(WebSocketCloseStatus?, string?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var result = await socket.ReceiveAsync(new byte[1024], CancellationToken.None);
            revisionSaw.TrySetResult((result.CloseStatus, result.CloseStatusDescription));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(WebSocketAddress(proxy, "/ws"), CancellationToken.None).WaitAsync(Bound);

        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "client leaves", CancellationToken.None).WaitAsync(Bound);

        var (status, description) = await revisionSaw.Task.WaitAsync(Bound);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Equal("client leaves", description);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    [Fact]
    public async Task WebSocket_RevisionCloses_ClientSeesTheCloseStatusAfterTheLastMessage()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.SendAsync("last words"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            await socket.CloseAsync((WebSocketCloseStatus)4000, "revision done", CancellationToken.None);
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(WebSocketAddress(proxy, "/ws"), CancellationToken.None).WaitAsync(Bound);

        var (_, last) = await ReceiveMessageAsync(socket);
        var close = await socket.ReceiveAsync(new byte[1024], CancellationToken.None).WaitAsync(Bound);

        Assert.Equal("last words", Encoding.UTF8.GetString(last));
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal((WebSocketCloseStatus)4000, close.CloseStatus);
        Assert.Equal("revision done", close.CloseStatusDescription);
    }

    [Fact]
    public async Task WebSocket_RevisionRefusesTheUpgrade_ClientGetsTheRevisionsOwnStatus()
    {
        await using var v1 = await UpstreamServer.StartAsync("v1", async context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("no websockets for you");
        });
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0));
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(WebSocketAddress(proxy, "/ws"), CancellationToken.None).WaitAsync(Bound));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
        Assert.Equal("v1", socket.HttpResponseHeaders?["X-Revision"].Single());
        Assert.False(socket.HttpResponseHeaders?.ContainsKey("X-Airlock-Error"));
        var telemetry = proxy.Server.Telemetry.For("chat", "v1");
        await WaitUntilAsync(() => telemetry.InFlight == 0);
        Assert.Equal(1, telemetry.ResponsesOfClass(4));
    }

    private static Uri WebSocketAddress(ProxyUnderTest proxy, string path) =>
        new UriBuilder(proxy.Address) { Scheme = "ws", Path = path }.Uri;

    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[8 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, result.CloseStatusDescription, CancellationToken.None);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, CancellationToken.None);
        }
    }

    private static async Task<(WebSocketMessageType Type, byte[] Payload)> ReceiveMessageAsync(WebSocket socket)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Bound);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (result.MessageType, message.ToArray());
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (!condition())
        {
            await Task.Delay(20, bound.Token);
        }
    }
}
