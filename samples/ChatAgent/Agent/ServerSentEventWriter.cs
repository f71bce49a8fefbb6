using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace ChatAgent.Agent;

/// <summary>
/// Writes a text/event-stream response: numbered events, and a comment line every keep-alive interval so proxies and
/// browsers do not drop a connection that is waiting for a slow model.
/// </summary>
internal sealed class ServerSentEventWriter : IAsyncDisposable
{
    public const string KeepAliveComment = ": keep-alive\n\n";

    private readonly HttpResponse _response;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop;
    private readonly PeriodicTimer _keepAliveTimer;
    private readonly Task _keepAlive;
    private long _nextId = 1;

    private ServerSentEventWriter(HttpResponse response, TimeSpan keepAliveInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        _response = response;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The timer exists before the first event is written, so a keep-alive is due one interval after the stream opens.
        _keepAliveTimer = new PeriodicTimer(keepAliveInterval, time);
        _keepAlive = KeepAliveAsync();
    }

    public static async Task<ServerSentEventWriter> StartAsync(HttpResponse response, TimeSpan keepAliveInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-transform";
        // nginx (and proxies that copy it) buffer responses unless told not to; buffered SSE arrives all at once at the end.
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);
        return new ServerSentEventWriter(response, keepAliveInterval, time, cancellationToken);
    }

    /// <summary>
    /// Cancelled when the request is aborted or a write fails. Kestrel reports a closed connection by itself; a
    /// connection that died without a FIN is only found by writing, which the keep-alive comments do.
    /// </summary>
    public CancellationToken Aborted => _stop.Token;

    /// <param name="data">One line of JSON: serialized JSON never contains a raw newline.</param>
    public Task WriteEventAsync(string eventName, string data) =>
        WriteAsync(string.Create(CultureInfo.InvariantCulture, $"id: {_nextId++}\nevent: {eventName}\ndata: {data}\n\n"));

    private async Task WriteAsync(string text)
    {
        await _writeLock.WaitAsync(_stop.Token);
        try
        {
            await _response.WriteAsync(text, _stop.Token);
            await _response.Body.FlushAsync(_stop.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // Kestrel reports a write to a closed connection as either; both mean nobody is listening any more.
            await _stop.CancelAsync();
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task KeepAliveAsync()
    {
        try
        {
            while (await _keepAliveTimer.WaitForNextTickAsync(_stop.Token))
            {
                await WriteAsync(KeepAliveComment);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The stream ended or the client went away; either way there is nothing left to keep alive.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _keepAliveTimer.Dispose();
        await _keepAlive;
        _stop.Dispose();
        _writeLock.Dispose();
    }
}
