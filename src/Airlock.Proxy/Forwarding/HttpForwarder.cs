using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Airlock.Proxy.Forwarding;

/// <summary>
/// Forwards one request to one revision and relays the answer, streaming both bodies through a fixed buffer
/// (memory stays flat for a 1 GB body); streamed responses are flushed chunk by chunk so server-sent events
/// arrive as written, and a WebSocket upgrade becomes a two-way tunnel.
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
        var upgrade = context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgradable ? upgradable : null;
        var body = upgrade is null && (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? context.Request.ContentLength > 0)
            ? new CountingReadStream(context.Request.Body)
            : null;
        using var request = CreateRequest(context, upstream, body, upgrade is not null);

        // One token source per request for both timeouts (response headers, then the idle gap while the body
        // streams) and the client's disconnect: one timer and one registration instead of two linked sources.
        using var cancel = new CancellationTokenSource(options.ResponseHeadersTimeout, time);
        using var onAbort = aborted.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), cancel);

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancel.Token);
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            Log.ClientAborted(logger, route, revision);
            return new ForwardResult(ForwardStatus.ClientAborted, 0, null, body?.BytesRead ?? 0, 0, null);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException)
        {
            var (status, code, title) = Classify(ex, cancel.IsCancellationRequested);
            Log.UpstreamFailed(logger, route, revision, code, ex);
            await ProblemResponse.WriteAsync(context, status, code, title, route, revision);
            return new ForwardResult(ForwardStatus.UpstreamFailed, status, code, body?.BytesRead ?? 0, 0, time.GetElapsedTime(started));
        }

        using (response)
        {
            var exchange = new Exchange(context, response, cancel, started, body, route, revision);
            return upgrade is not null && response.StatusCode == HttpStatusCode.SwitchingProtocols
                ? await TunnelAsync(exchange, upgrade)
                : await RelayAsync(exchange);
        }
    }

    private HttpRequestMessage CreateRequest(HttpContext context, Uri upstream, Stream? body, bool upgrade)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(HttpMethod.Parse(incoming.Method), UpstreamUri.Combine(upstream, incoming.Path, incoming.QueryString))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (body is not null)
        {
            request.Content = new StreamContent(body, BufferSize);
        }

        var namedByConnection = HopByHopHeaders.NamedByConnection(incoming.Headers.Connection);
        foreach (var (name, values) in incoming.Headers)
        {
            if (name.StartsWith(':') || HopByHopHeaders.IsHopByHop(name) || (namedByConnection?.Contains(name) ?? false)
                || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase) || ForwardedHeaders.IsForwardingHeader(name))
            {
                continue;
            }

            // The single-value overload: most headers have one value, and boxing StringValues as IEnumerable allocates.
            var added = values.Count == 1
                ? request.Headers.TryAddWithoutValidation(name, values[0])
                : request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            if (!added && request.Content is { } content)
            {
                _ = values.Count == 1
                    ? content.Headers.TryAddWithoutValidation(name, values[0])
                    : content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        if (upgrade)
        {
            // Upgrade is hop-by-hop, yet an HTTP/1.1 WebSocket handshake only works when this hop asks for it again.
            request.Headers.TryAddWithoutValidation(HeaderNames.Upgrade, (IEnumerable<string?>)incoming.Headers.Upgrade);
            request.Headers.TryAddWithoutValidation(HeaderNames.Connection, "Upgrade");
        }

        if (options.Host == HostPolicy.Preserve && incoming.Host.HasValue)
        {
            request.Headers.Host = incoming.Host.Value;
        }

        ForwardedHeaders.Apply(request.Headers, context, options.TrustIncomingForwardedHeaders);
        return request;
    }

    private static void CopyResponseHeaders(HttpResponseMessage response, HttpResponse outgoing, bool upgraded)
    {
        var namedByConnection = response.Headers.NonValidated.TryGetValues(HeaderNames.Connection, out var connection)
            ? HopByHopHeaders.NamedByConnection(ToStringValues(connection))
            : null;
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            if ((!HopByHopHeaders.IsHopByHop(name) && !(namedByConnection?.Contains(name) ?? false))
                || (upgraded && name.Equals(HeaderNames.Upgrade, StringComparison.OrdinalIgnoreCase)))
            {
                // Appended, not set: the proxy may already have issued its own user-key cookie.
                outgoing.Headers.Append(name, ToStringValues(values));
            }
        }

        foreach (var (name, values) in response.Content.Headers.NonValidated)
        {
            outgoing.Headers[name] = ToStringValues(values);
        }
    }

    /// <summary>Without the array <see cref="Enumerable.ToArray{TSource}(IEnumerable{TSource})"/> allocates for the usual single value.</summary>
    private static StringValues ToStringValues(HeaderStringValues values)
    {
        if (values.Count == 1)
        {
            foreach (var value in values)
            {
                return new StringValues(value);
            }
        }

        return new StringValues([.. values]);
    }
}
