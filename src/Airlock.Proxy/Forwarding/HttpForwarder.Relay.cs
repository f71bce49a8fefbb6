using System.Buffers;
using Airlock.Proxy.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Airlock.Proxy.Forwarding;

internal sealed partial class HttpForwarder
{
    /// <summary>
    /// Relays status, headers and body. A streamed response (no Content-Length: chunked, server-sent events) is
    /// flushed after every chunk, so each event reaches the client when the revision wrote it, headers first. A body
    /// with a Content-Length is flushed only before a read that would wait, or every 64 KiB: a small response then
    /// leaves in one write with its headers instead of three (headers, chunk, end), and a large one still keeps
    /// memory flat because the flush waits for the client (back-pressure).
    /// </summary>
    private async Task<ForwardResult> RelayAsync(Exchange exchange)
    {
        var (context, response, cancel, started, _, route, revision) = exchange;
        var aborted = context.RequestAborted;
        var outgoing = context.Response;
        outgoing.StatusCode = (int)response.StatusCode;
        CopyResponseHeaders(response, outgoing, upgraded: false);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var streamed = response.Content.Headers.ContentLength is null;

        long sent = 0;
        long unflushed = 0;
        TimeSpan? firstByte = null;
        var writer = outgoing.BodyWriter;
        var problem = ProblemBodyPrefix.For(outgoing.StatusCode, response.Content.Headers);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            if (streamed)
            {
                await outgoing.StartAsync(aborted);
                firstByte = time.GetElapsedTime(started);
            }

            await using var upstreamBody = await response.Content.ReadAsStreamAsync(aborted);
            while (true)
            {
                cancel.CancelAfter(options.IdleStreamTimeout);
                int count;
                try
                {
                    var read = upstreamBody.ReadAsync(buffer, cancel.Token);
                    if (!read.IsCompleted && unflushed > 0)
                    {
                        // The revision has nothing more for now: what was copied goes out before waiting for it.
                        firstByte ??= time.GetElapsedTime(started);
                        await writer.FlushAsync(aborted);
                        unflushed = 0;
                    }

                    count = await read;
                }
                catch (Exception ex) when (!aborted.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException)
                {
                    var reason = cancel.IsCancellationRequested ? "idle stream timeout" : "upstream connection failed";
                    Log.UpstreamAbortedMidResponse(logger, route, revision, reason, ex);
                    context.Abort();
                    var code = cancel.IsCancellationRequested ? ProxyErrorCode.UpstreamStreamIdleTimeout : ProxyErrorCode.UpstreamStreamAborted;
                    return new ForwardResult(ForwardStatus.UpstreamAbortedMidResponse, outgoing.StatusCode, code, exchange.RequestBytes, sent, firstByte);
                }

                if (count == 0)
                {
                    break;
                }

                writer.Write(buffer.AsSpan(0, count));
                problem?.Append(buffer.AsSpan(0, count));
                sent += count;
                unflushed += count;
                if (streamed || unflushed >= BufferSize)
                {
                    firstByte ??= time.GetElapsedTime(started);
                    await writer.FlushAsync(aborted);
                    unflushed = 0;
                }
            }

            firstByte ??= time.GetElapsedTime(started);
            if (unflushed > 0)
            {
                // CompleteAsync alone does not send what was written to BodyWriter after an earlier flush: the tail
                // of a large body would wait for Kestrel's keep-alive timeout (130 s).
                await writer.FlushAsync(aborted);
            }

            await outgoing.CompleteAsync();
            return new ForwardResult(ForwardStatus.Completed, outgoing.StatusCode, null, exchange.RequestBytes, sent, firstByte) { ProblemCode = problem?.Code() };
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // Only the client side is left to fail here: reads from the upstream are handled above.
            Log.ClientAborted(logger, route, revision);
            return new ForwardResult(ForwardStatus.ClientAborted, outgoing.StatusCode, null, exchange.RequestBytes, sent, firstByte);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (int Status, string Code, string Title) Classify(Exception ex, bool headersTimedOut)
    {
        if (FindBadRequest(ex) is { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return (StatusCodes.Status413PayloadTooLarge, ProxyErrorCode.RequestBodyTooLarge, "The request body is larger than the proxy accepts.");
        }

        if (headersTimedOut)
        {
            return (StatusCodes.Status504GatewayTimeout, ProxyErrorCode.UpstreamResponseTimeout, "The revision did not answer within the response-headers timeout.");
        }

        if (ex is OperationCanceledException { InnerException: TimeoutException })
        {
            return (StatusCodes.Status504GatewayTimeout, ProxyErrorCode.UpstreamConnectTimeout, "No connection to the revision could be made within the connect timeout.");
        }

        if (ex is HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse })
        {
            return (StatusCodes.Status502BadGateway, ProxyErrorCode.UpstreamProtocolError, "The revision sent a response that is not valid HTTP.");
        }

        return (StatusCodes.Status502BadGateway, ProxyErrorCode.UpstreamUnreachable, "The revision could not be reached.");
    }

    private static BadHttpRequestException? FindBadRequest(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is BadHttpRequestException bad)
            {
                return bad;
            }
        }

        return null;
    }
}
