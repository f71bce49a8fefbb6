using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Browser.DevTools;

/// <summary>
/// One WebSocket to the browser endpoint speaking the Chrome DevTools Protocol: commands are matched to replies by id,
/// and pages are reached through flattened sessions (a <c>sessionId</c> on each message), so one socket serves all pages.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentDictionary<string, Action<DevToolsEvent>> _listeners = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly TimeSpan _commandTimeout;
    private Task _receiveLoop = Task.CompletedTask;
    private long _nextId;
    private int _disposed;

    private DevToolsConnection(TimeSpan commandTimeout) => _commandTimeout = commandTimeout;

    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, TimeSpan commandTimeout, CancellationToken cancellationToken)
    {
        var connection = new DevToolsConnection(commandTimeout);
        try
        {
            // Chrome's replies can be large (a screenshot is one message of megabytes); the receive loop reassembles frames.
            await connection._socket.ConnectAsync(endpoint, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        connection._receiveLoop = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
        return connection;
    }

    /// <summary>Receives the events of one session (a page), or of the browser itself with the key "".</summary>
    public void Listen(string? sessionId, Action<DevToolsEvent> listener) => _listeners[sessionId ?? string.Empty] = listener;

    public void StopListening(string? sessionId) => _listeners.TryRemove(sessionId ?? string.Empty, out _);

    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters, string? sessionId, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new DevToolsException($"The browser connection is closed; '{method}' was not sent.");
        }

        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        try
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
            bound.CancelAfter(_commandTimeout);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
            await _sendLock.WaitAsync(bound.Token);
            try
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, bound.Token);
            }
            finally
            {
                _sendLock.Release();
            }

            return await reply.Task.WaitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw _closing.IsCancellationRequested
                ? new DevToolsException($"The browser connection closed before '{method}' answered.")
                : new DevToolsException($"'{method}' got no answer within {_commandTimeout.TotalSeconds:0.#} s.");
        }
        catch (WebSocketException ex)
        {
            throw new DevToolsException($"Sending '{method}' failed: the browser connection is gone.", ex);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(64 * 1024), _closing.Token);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                try
                {
                    Dispatch(buffer.WrittenMemory);
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    // A message of a shape this driver does not expect (a newer protocol); one event lost beats a dead connection.
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The browser went away or we are closing; pending commands are failed below either way.
        }
        finally
        {
            await _closing.CancelAsync();
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new DevToolsException("The browser connection closed before the command answered."));
            }
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement))
        {
            if (!_pending.TryGetValue(idElement.GetInt64(), out var reply))
            {
                return;
            }

            if (root.TryGetProperty("error", out var error))
            {
                var text = error.TryGetProperty("message", out var message) ? message.GetString() : error.GetRawText();
                reply.TrySetException(new DevToolsException($"DevTools error: {text}"));
            }
            else
            {
                reply.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            }

            return;
        }

        if (!root.TryGetProperty("method", out var method))
        {
            return;
        }

        var sessionId = root.TryGetProperty("sessionId", out var session) ? session.GetString() : null;
        if (_listeners.TryGetValue(sessionId ?? string.Empty, out var listener))
        {
            var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
            listener(new DevToolsEvent(method.GetString()!, parameters, sessionId));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", bound.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The browser is about to be killed anyway; a close handshake is a courtesy.
            }
        }

        await _closing.CancelAsync();
        await _receiveLoop;
        _socket.Dispose();
        _sendLock.Dispose();
        _closing.Dispose();
    }
}
