using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatAgent.Model;

/// <summary>
/// <see cref="IChatClient"/> over an OpenAI-compatible <c>/chat/completions</c> endpoint, on a plain <see cref="HttpClient"/>
/// so every way the upstream can misbehave (empty 200, HTML 200, broken events, a stream that stops) is ours to name.
/// </summary>
internal sealed class OpenAiChatClient(HttpClient http, Uri baseUrl, string model, string? apiKey, TimeProvider time) : IChatClient
{
    private const string Provider = "The OpenAI-compatible endpoint";

    private readonly Uri _endpoint = new(baseUrl.ToString().TrimEnd('/') + "/chat/completions");

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var response = await ModelHttp.SendAsync(http, Request(messages, options, stream: true), Provider, time, cancellationToken);
        if (!ModelHttp.IsEventStream(response))
        {
            // Some compatible servers ignore "stream": a whole completion is still an answer.
            foreach (var update in ReadCompletion(await ModelHttp.ReadJsonAsync(response, Provider, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }

            yield break;
        }

        var calls = new ToolCallAccumulator();
        var events = 0;
        var finished = false;
        UsageDetails? usage = null;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in ServerSentEventParser.ReadAsync(body, cancellationToken))
        {
            events++;
            if (item.Data == "[DONE]")
            {
                finished = true;
                break;
            }

            using var chunk = ModelHttp.ParseEvent(item.Data, Provider);
            var root = chunk.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ModelHttp.Malformed(Provider, "a stream event that is not a JSON object");
            }

            if (root.TryGetProperty("error", out _))
            {
                throw new ModelCallException(ModelErrorKind.ServerError, $"{Provider} sent an error event mid-stream.");
            }

            if (root.TryGetProperty("usage", out var usageJson) && usageJson.ValueKind == JsonValueKind.Object)
            {
                usage = Usage(usageJson);
            }

            if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
            {
                throw ModelHttp.Malformed(Provider, "a stream event without 'choices'");
            }

            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.TryGetProperty("finish_reason", out var reason) && reason.ValueKind == JsonValueKind.String)
                {
                    finished = true;
                }

                if (!choice.TryGetProperty("delta", out var delta) || delta.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (delta.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String && content.GetString() is { Length: > 0 } text)
                {
                    yield return new ChatResponseUpdate(ChatRole.Assistant, text);
                }

                if (delta.TryGetProperty("tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
                {
                    foreach (var call in toolCalls.EnumerateArray())
                    {
                        var index = call.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.Number ? i.GetInt32() : 0;
                        var function = call.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
                        calls.Start(index, String(call, "id"), function.ValueKind == JsonValueKind.Object ? String(function, "name") : null);
                        if (function.ValueKind == JsonValueKind.Object)
                        {
                            calls.Append(index, String(function, "arguments"));
                        }
                    }
                }
            }
        }

        if (events == 0)
        {
            throw new ModelCallException(ModelErrorKind.EmptyResponse, $"{Provider} answered 200 with an empty stream.");
        }

        if (!finished)
        {
            throw new ModelCallException(ModelErrorKind.Truncated, $"{Provider}'s stream ended before its last event.");
        }

        if (calls.Any)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, calls.Complete(Provider));
        }

        if (usage is not null)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(usage)]);
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var response = await ModelHttp.SendAsync(http, Request(messages, options, stream: false), Provider, time, cancellationToken);
        using var document = await ModelHttp.ReadJsonAsync(response, Provider, cancellationToken);
        return ReadCompletion(document);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata(ModelProviders.OpenAi, baseUrl, model)
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The HttpClient is shared and owned by the container.
    }

    private HttpRequestMessage Request(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = OpenAiRequest.Create(model, messages, options, stream) };
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        request.Headers.Accept.ParseAdd(stream ? ModelHttp.EventStream : "application/json");
        return request;
    }

    private static ChatResponse ReadCompletion(JsonDocument document)
    {
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out _))
            {
                throw new ModelCallException(ModelErrorKind.ServerError, $"{Provider} answered 200 with an error object.");
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices)
                || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0
                || !choices[0].TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            {
                throw new ModelCallException(ModelErrorKind.InvalidJson, $"{Provider} answered 200 with JSON that is not a chat completion.");
            }

            var contents = new List<AIContent>();
            if (String(message, "content") is { Length: > 0 } text)
            {
                contents.Add(new TextContent(text));
            }

            if (message.TryGetProperty("tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
            {
                var calls = new ToolCallAccumulator();
                var index = 0;
                foreach (var call in toolCalls.EnumerateArray())
                {
                    var function = call.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
                    var hasFunction = function.ValueKind == JsonValueKind.Object;
                    calls.Start(index, String(call, "id"), hasFunction ? String(function, "name") : null);
                    calls.Append(index++, hasFunction ? String(function, "arguments") : null);
                }

                contents.AddRange(calls.Complete(Provider));
            }

            return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
            {
                Usage = root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object ? Usage(usage) : null,
            };
        }
    }

    private static UsageDetails Usage(JsonElement usage) => new()
    {
        InputTokenCount = Long(usage, "prompt_tokens"),
        OutputTokenCount = Long(usage, "completion_tokens"),
        TotalTokenCount = Long(usage, "total_tokens"),
    };

    private static long? Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
