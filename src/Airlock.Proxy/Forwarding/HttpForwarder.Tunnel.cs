using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Airlock.Proxy.Forwarding;

internal sealed partial class HttpForwarder
{
    /// <summary>
    /// The revision accepted an HTTP/1.1 upgrade (a WebSocket handshake answered 101): the client gets the same 101,
    /// then bytes are copied both ways until either side closes. The proxy does not parse frames; the close
    /// handshake is just more bytes, so it reaches the other side like any message. The tunnel is cut when no byte
    /// moved in either direction for the idle stream timeout.
    /// </summary>
    private async Task<ForwardResult> TunnelAsync(Exchange exchange, IHttpUpgradeFeature upgrade)
    {
        var (context, response, cancel, started, _, route, revision) = exchange;
        context.Response.StatusCode = StatusCodes.Status101SwitchingProtocols;
        CopyResponseHeaders(response, context.Response, upgraded: true);
        var upstreamStream = await response.Content.ReadAsStreamAsync(cancel.Token);
        await using (upstreamStream)
        {
            Stream clientStream;
            try
            {
                clientStream = await upgrade.UpgradeAsync();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
            {
                Log.ClientAborted(logger, route, revision);
                return new ForwardResult(ForwardStatus.ClientAborted, 0, null, 0, 0, null);
            }

            var handshake = time.GetElapsedTime(started);
            await using (clientStream)
            {
                cancel.CancelAfter(options.IdleStreamTimeout);
                var up = CopyTunnelAsync(clientStream, upstreamStream, cancel);
                var down = CopyTunnelAsync(upstreamStream, clientStream, cancel);

                // Either side closing ends the tunnel: the close handshake has crossed by then, so the other direction
                // has nothing left to carry and is cancelled rather than left waiting on a half-open connection.
                await Task.WhenAny(up, down);
                await cancel.CancelAsync();
                var (sentUp, _) = await up;
                var (sentDown, downFailed) = await down;
                if (downFailed && !context.RequestAborted.IsCancellationRequested)
                {
                    Log.UpstreamAbortedMidResponse(logger, route, revision, "upstream connection failed during a WebSocket session", null);
                    return new ForwardResult(ForwardStatus.UpstreamAbortedMidResponse, StatusCodes.Status101SwitchingProtocols, null, sentUp, sentDown, handshake);
                }

                return new ForwardResult(ForwardStatus.Completed, StatusCodes.Status101SwitchingProtocols, null, sentUp, sentDown, handshake);
            }
        }
    }

    /// <returns>The bytes copied, and whether reading the source failed (rather than ending or being cancelled).</returns>
    private async Task<(long Bytes, bool Failed)> CopyTunnelAsync(Stream source, Stream destination, CancellationTokenSource cancel)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        long copied = 0;
        try
        {
            while (true)
            {
                int count;
                try
                {
                    count = await source.ReadAsync(buffer, cancel.Token);
                }
                catch (Exception ex) when (ex is IOException && !cancel.IsCancellationRequested)
                {
                    return (copied, true);
                }

                if (count == 0)
                {
                    return (copied, false);
                }

                await destination.WriteAsync(buffer.AsMemory(0, count), cancel.Token);
                await destination.FlushAsync(cancel.Token);
                copied += count;
                cancel.CancelAfter(options.IdleStreamTimeout);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Cancelled because the other direction ended or the tunnel went idle, or the destination is gone.
            return (copied, false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
