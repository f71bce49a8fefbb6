using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Airlock.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Airlock.ChatAgent.Tests.Fakes;

/// <summary>
/// A model provider on loopback (Kestrel, port 0) speaking OpenAI chat completions (streamed and not) and Anthropic
/// Messages (streamed), answering each request with the next queued <see cref="ModelScript"/> (a plain text answer
/// when the queue is empty). It records every request and notices when a client aborts one.
/// </summary>
internal sealed class FakeModelServer : IAsyncDisposable
{
    private LoopbackApp? _app;
    private readonly ConcurrentQueue<ModelScript> _scripts = new();
    private readonly ConcurrentQueue<RecordedModelRequest> _requests = new();

    private FakeModelServer()
    {
    }

    public Uri Address => _app!.Address;

    public string OpenAiBaseUrl => new Uri(Address, "v1").ToString();

    public string AnthropicBaseUrl => Address.ToString().TrimEnd('/');

    public IReadOnlyList<RecordedModelRequest> Requests => [.. _requests];

    /// <summary>Set when a client went away while a script was still answering.</summary>
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a <see cref="ModelScript.StallAfter"/> script has sent its chunks and begun to hang.</summary>
    public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeModelServer> StartAsync()
    {
        var server = new FakeModelServer();
        server._app = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", context => server.HandleAsync(context, anthropic: false));
            app.MapPost("/v1/messages", context => server.HandleAsync(context, anthropic: true));
        });
        return server;
    }

    public FakeModelServer Enqueue(params ModelScript[] scripts)
    {
        foreach (var script in scripts)
        {
            _scripts.Enqueue(script);
        }

        return this;
    }

    private async Task HandleAsync(HttpContext context, bool anthropic)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        _requests.Enqueue(new RecordedModelRequest(context.Request.Path, headers, body.RootElement.Clone()));
        var script = _scripts.TryDequeue(out var next) ? next : ModelScript.Text("Hello ", "from the fake model.");
        var stream = !body.RootElement.TryGetProperty("stream", out var s) || s.GetBoolean();
        try
        {
            if (script.Gate is not null)
            {
                await script.Gate.Task.WaitAsync(context.RequestAborted);
            }

            var wire = anthropic ? (IModelWire)new AnthropicWire(context.Response) : new OpenAiWire(context.Response, stream);
            await RunAsync(script, wire, context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Aborted.TrySetResult();
        }
        catch (IOException)
        {
            Aborted.TrySetResult();
        }
    }

    private async Task RunAsync(ModelScript script, IModelWire wire, HttpContext context)
    {
        var response = context.Response;
        switch (script.Kind)
        {
            case ModelScript.Kinds.Status:
                response.StatusCode = script.StatusCode;
                if (script.RetryAfter is not null)
                {
                    response.Headers.RetryAfter = script.RetryAfter;
                }

                response.ContentType = "application/json";
                await response.WriteAsync("""{"error":{"type":"fake_error","message":"scripted failure"}}""");
                return;
            case ModelScript.Kinds.EmptyBody:
                response.StatusCode = 200;
                await response.StartAsync();
                return;
            case ModelScript.Kinds.NonJson:
                response.StatusCode = 200;
                response.ContentType = "text/html";
                await response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>");
                return;
        }

        await wire.StartAsync(script);
        foreach (var chunk in script.Chunks)
        {
            await wire.TextAsync(chunk);
        }

        switch (script.Kind)
        {
            case ModelScript.Kinds.Text:
                await wire.FinishAsync(script, toolCalls: false);
                break;
            case ModelScript.Kinds.ToolCalls:
                for (var i = 0; i < script.Calls.Count; i++)
                {
                    await wire.ToolCallAsync(i + script.Chunks.Count, script.Calls[i]);
                }

                await wire.FinishAsync(script, toolCalls: true);
                break;
            case ModelScript.Kinds.MalformedEvent:
                await wire.RawAsync("data: {\"choices\":[{\"delta\":{\"content\":\"cut\n\n");
                break;
            case ModelScript.Kinds.ErrorEvent:
                await wire.ErrorAsync();
                break;
            case ModelScript.Kinds.Truncated:
                break;
            case ModelScript.Kinds.StallAfter:
                Stalled.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app!.App.StopAsync();
        await _app.DisposeAsync();
    }

    private interface IModelWire
    {
        Task StartAsync(ModelScript script);

        Task TextAsync(string text);

        Task ToolCallAsync(int index, (string Id, string Name, string Arguments) call);

        Task FinishAsync(ModelScript script, bool toolCalls);

        Task ErrorAsync();

        Task RawAsync(string text);
    }

    private abstract class SseWire(HttpResponse response)
    {
        protected HttpResponse Response => response;

        public async Task RawAsync(string text)
        {
            await response.WriteAsync(text);
            await response.Body.FlushAsync();
        }

        protected Task EventAsync(string? name, object data) =>
            RawAsync((name is null ? "" : $"event: {name}\n") + $"data: {JsonSerializer.Serialize(data)}\n\n");

        protected async Task StartStreamAsync()
        {
            response.StatusCode = 200;
            response.ContentType = "text/event-stream";
            await response.StartAsync();
        }
    }

    /// <summary>OpenAI chat completions: chunks of choices[].delta, a usage chunk, then [DONE]; or one JSON completion when not streamed.</summary>
    private sealed class OpenAiWire(HttpResponse response, bool stream) : SseWire(response), IModelWire
    {
        private readonly StringBuilder _text = new();
        private readonly List<object> _calls = [];

        public Task StartAsync(ModelScript script) => stream ? StartStreamAsync() : Task.CompletedTask;

        public Task TextAsync(string text)
        {
            _text.Append(text);
            return stream ? EventAsync(null, new { id = "c1", choices = new[] { new { index = 0, delta = new { content = text }, finish_reason = (string?)null } } }) : Task.CompletedTask;
        }

        public async Task ToolCallAsync(int index, (string Id, string Name, string Arguments) call)
        {
            _calls.Add(new { id = call.Id, type = "function", function = new { name = call.Name, arguments = call.Arguments } });
            if (!stream)
            {
                return;
            }

            // As OpenAI streams them: id and name first, the arguments in pieces after.
            var half = call.Arguments.Length / 2;
            await EventAsync(null, new { choices = new[] { new { index = 0, delta = new { tool_calls = new[] { new { index, id = call.Id, type = "function", function = new { name = call.Name, arguments = "" } } } } } } });
            await EventAsync(null, new { choices = new[] { new { index = 0, delta = new { tool_calls = new[] { new { index, function = new { arguments = call.Arguments[..half] } } } } } } });
            await EventAsync(null, new { choices = new[] { new { index = 0, delta = new { tool_calls = new[] { new { index, function = new { arguments = call.Arguments[half..] } } } } } } });
        }

        public async Task FinishAsync(ModelScript script, bool toolCalls)
        {
            var reason = toolCalls ? "tool_calls" : "stop";
            var usage = new { prompt_tokens = script.InputTokens, completion_tokens = script.OutputTokens, total_tokens = script.InputTokens + script.OutputTokens };
            if (!stream)
            {
                Response.ContentType = "application/json";
                var message = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = _text.Length > 0 ? _text.ToString() : null };
                if (_calls.Count > 0)
                {
                    message["tool_calls"] = _calls;
                }

                await Response.WriteAsync(JsonSerializer.Serialize(new { id = "c1", choices = new[] { new { index = 0, message, finish_reason = reason } }, usage }));
                return;
            }

            await EventAsync(null, new { choices = new[] { new { index = 0, delta = new { }, finish_reason = reason } } });
            await EventAsync(null, new { choices = Array.Empty<object>(), usage });
            await RawAsync("data: [DONE]\n\n");
        }

        public Task ErrorAsync() => EventAsync(null, new { error = new { message = "The server had an error", type = "server_error" } });
    }

    /// <summary>Anthropic Messages: message_start, content blocks with deltas, message_delta with usage, message_stop.</summary>
    private sealed class AnthropicWire(HttpResponse response) : SseWire(response), IModelWire
    {
        private bool _textOpen;

        public async Task StartAsync(ModelScript script)
        {
            await StartStreamAsync();
            await EventAsync("message_start", new { type = "message_start", message = new { id = "msg_1", role = "assistant", usage = new { input_tokens = script.InputTokens - script.CacheReadTokens, cache_read_input_tokens = script.CacheReadTokens, output_tokens = 1 } } });
            await RawAsync("event: ping\ndata: {\"type\":\"ping\"}\n\n");
        }

        public async Task TextAsync(string text)
        {
            if (!_textOpen)
            {
                await EventAsync("content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } });
                _textOpen = true;
            }

            await EventAsync("content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text } });
        }

        public async Task ToolCallAsync(int index, (string Id, string Name, string Arguments) call)
        {
            await CloseTextAsync();
            var half = call.Arguments.Length / 2;
            await EventAsync("content_block_start", new { type = "content_block_start", index, content_block = new { type = "tool_use", id = call.Id, name = call.Name, input = new { } } });
            await EventAsync("content_block_delta", new { type = "content_block_delta", index, delta = new { type = "input_json_delta", partial_json = call.Arguments[..half] } });
            await EventAsync("content_block_delta", new { type = "content_block_delta", index, delta = new { type = "input_json_delta", partial_json = call.Arguments[half..] } });
            await EventAsync("content_block_stop", new { type = "content_block_stop", index });
        }

        public async Task FinishAsync(ModelScript script, bool toolCalls)
        {
            await CloseTextAsync();
            await EventAsync("message_delta", new { type = "message_delta", delta = new { stop_reason = toolCalls ? "tool_use" : "end_turn" }, usage = new { output_tokens = script.OutputTokens } });
            await EventAsync("message_stop", new { type = "message_stop" });
        }

        public Task ErrorAsync() => EventAsync("error", new { type = "error", error = new { type = "overloaded_error", message = "Overloaded" } });

        private async Task CloseTextAsync()
        {
            if (_textOpen)
            {
                await EventAsync("content_block_stop", new { type = "content_block_stop", index = 0 });
                _textOpen = false;
            }
        }
    }
}
