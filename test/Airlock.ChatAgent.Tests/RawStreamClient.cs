using System.Net.Sockets;
using System.Text;

namespace Airlock.ChatAgent.Tests;

/// <summary>
/// A streamed turn over a raw TCP connection, so a test decides exactly when the client goes away, as a browser does
/// when its tab is closed (HttpClient would keep the connection in its pool).
/// </summary>
internal static class RawStreamClient
{
    /// <summary>POSTs <paramref name="body"/> to /agent/run and reads until <paramref name="until"/> arrives; the caller closes the socket.</summary>
    public static async Task<Socket> OpenUntilAsync(ChatAgentApp app, string body, string until, CancellationToken cancellationToken)
    {
        Uri address;
        using (var probe = app.CreateClient())
        {
            address = probe.BaseAddress!;
        }

        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(address.Host, address.Port, cancellationToken);
            var request = $"POST /agent/run HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}";
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, cancellationToken);
            var received = new StringBuilder();
            var buffer = new byte[4096];
            while (!received.ToString().Contains(until, StringComparison.Ordinal))
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                Assert.True(read > 0, $"the server closed the stream before '{until}'");
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
