using System.Buffers;
using System.Net;
using Airlock.Proxy.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Airlock.Proxy.Forwarding;

/// <summary>
/// Forwards one request to one revision and relays the answer, streaming both bodies through a fixed buffer
/// (memory stays flat for a 1 GB body) and flushing each chunk so server-sent events arrive as written.
/// The upstream address always comes from the route table, never from the request: this is not an open proxy.
/// </summary>
internal sealed partial class HttpForwarder(HttpMessageInvoker client, ForwarderOptions options, TimeProvider time, ILogger<HttpForwarder> logger)
{
    private const int BufferSize = 64 * 1024;

    public async Task<ForwardResult> ForwardAsync(HttpContext context, Uri upstream, string route, string revision)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(upstream);
        var started = time.GetTimestamp();
        var aborted = context.RequestAborted;
        var body = new CountingReadStream(context.Request.Body);
        using var request = CreateRequest(context, upstream, body);

        HttpResponseMessage response;
        using (var headersTimeout = new CancellationTokenSource(options.ResponseHeadersTimeout, time))
        using (var send = CancellationTokenSource.CreateLinkedTokenSource(aborted, headersTimeout.Token))
        {
            try
            {
                response = await client.SendAsync(request, send.Token);
            }
            catch (Exception) when (aborted.IsCancellationRequested)
            {
                Log.ClientAborted(logger, route, revision);
                return new ForwardResult(ForwardStatus.ClientAborted, 0, null, body.BytesRead, 0, null);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException)
            {
                var (status, code, title) = Classify(ex, headersTimeout.IsCancellationRequested);
                Log.UpstreamFailed(logger, route, revision, code, ex);
                await ProblemResponse.WriteAsync(context, status, code, title, route, revision);
                return new ForwardResult(ForwardStatus.UpstreamFailed, status, code, body.BytesRead, 0, time.GetElapsedTime(started));
            }
        }

        using (response)
        {
            return await RelayAsync(context, response, started, body, route, revision);
        }
    }

    private HttpRequestMessage CreateRequest(HttpContext context, Uri upstream, Stream body)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), UpstreamUri.Combine(upstream, incoming.Path, incoming.QueryString))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? incoming.ContentLength > 0)
        {
            request.Content = new StreamContent(body, BufferSize);
        }

        var namedByConnection = HopByHopHeaders.NamedByConnection(incoming.Headers.Connection);
        foreach (var (name, values) in incoming.Headers)
        {
            if (name.StartsWith(':') || HopByHopHeaders.IsHopByHop(name) || namedByConnection.Contains(name)
                || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase) || ForwardedHeaders.IsForwardingHeader(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        if (options.Host == HostPolicy.Preserve && incoming.Host.HasValue)
        {
            request.Headers.Host = incoming.Host.Value;
        }

        ForwardedHeaders.Apply(request.Headers, context, options.TrustIncomingForwardedHeaders);
        return request;
    }

    private async Task<ForwardResult> RelayAsync(HttpContext context, HttpResponseMessage response, long started, CountingReadStream body, string route, string revision)
    {
        var aborted = context.RequestAborted;
        var outgoing = context.Response;
        outgoing.StatusCode = (int)response.StatusCode;
        CopyResponseHeaders(response, outgoing);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        long sent = 0;
        TimeSpan? firstByte = null;
        var problem = ProblemBodyPrefix.For(outgoing.StatusCode, response.Content.Headers);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var read = CancellationTokenSource.CreateLinkedTokenSource(aborted, idle.Token);
        try
        {
            await outgoing.StartAsync(aborted);
            firstByte = time.GetElapsedTime(started);
            await using var upstreamBody = await response.Content.ReadAsStreamAsync(aborted);
            while (true)
            {
                idle.CancelAfter(options.IdleStreamTimeout);
                int count;
                try
                {
                    count = await upstreamBody.ReadAsync(buffer, read.Token);
                }
                catch (Exception ex) when (!aborted.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException)
                {
                    var reason = idle.IsCancellationRequested ? "idle stream timeout" : "upstream connection failed";
                    Log.UpstreamAbortedMidResponse(logger, route, revision, reason, ex);
                    context.Abort();
                    var code = idle.IsCancellationRequested ? ProxyErrorCode.UpstreamStreamIdleTimeout : ProxyErrorCode.UpstreamStreamAborted;
                    return new ForwardResult(ForwardStatus.UpstreamAbortedMidResponse, outgoing.StatusCode, code, body.BytesRead, sent, firstByte);
                }

                if (count == 0)
                {
                    break;
                }

                // Flush per chunk: a server-sent event must reach the client when the upstream wrote it, not when a buffer fills.
                await outgoing.Body.WriteAsync(buffer.AsMemory(0, count), aborted);
                await outgoing.Body.FlushAsync(aborted);
                sent += count;
                problem?.Append(buffer.AsSpan(0, count));
            }

            await outgoing.CompleteAsync();
            return new ForwardResult(ForwardStatus.Completed, outgoing.StatusCode, null, body.BytesRead, sent, firstByte) { ProblemCode = problem?.Code() };
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // Only the client side is left to fail here: reads from the upstream are handled above.
            Log.ClientAborted(logger, route, revision);
            return new ForwardResult(ForwardStatus.ClientAborted, outgoing.StatusCode, null, body.BytesRead, sent, firstByte);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void CopyResponseHeaders(HttpResponseMessage response, HttpResponse outgoing)
    {
        var namedByConnection = HopByHopHeaders.NamedByConnection(new Microsoft.Extensions.Primitives.StringValues(
            response.Headers.TryGetValues(HeaderNames.Connection, out var connection) ? [.. connection] : []));
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            if (!HopByHopHeaders.IsHopByHop(name) && !namedByConnection.Contains(name))
            {
                // Appended, not set: the proxy may already have issued its own user-key cookie.
                outgoing.Headers.Append(name, values.ToArray());
            }
        }

        foreach (var (name, values) in response.Content.Headers.NonValidated)
        {
            outgoing.Headers[name] = values.ToArray();
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
