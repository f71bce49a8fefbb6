using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatAgent.Model;

/// <summary>
/// <see cref="IChatClient"/> over Anthropic's Messages API (streaming), on a plain <see cref="HttpClient"/>: the system
/// prompt is marked for prompt caching, and every malformed or missing event is a named failure, never a hang.
/// </summary>
internal sealed class AnthropicChatClient(HttpClient http, Uri baseUrl, string model, string apiKey, int defaultMaxTokens, TimeProvider time) : IChatClient
{
    public const string ApiVersion = "2023-06-01";

    private const string Provider = "Anthropic";

    private readonly Uri _endpoint = new(baseUrl.ToString().TrimEnd('/') + "/v1/messages");

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = AnthropicRequest.Create(model, defaultMaxTokens, messages, options) };
        request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("anthropic-version", ApiVersion);
        request.Headers.Accept.ParseAdd(ModelHttp.EventStream);
        using var response = await ModelHttp.SendAsync(http, request, Provider, time, cancellationToken);
        if (!ModelHttp.IsEventStream(response))
        {
            // A streamed request answered with a whole body is either an error object or garbage; both are failures.
            using var document = await ModelHttp.ReadJsonAsync(response, Provider, cancellationToken);
            throw new ModelCallException(ModelErrorKind.InvalidJson, $"{Provider} answered a streamed request with a JSON body instead of events.");
        }

        var calls = new ToolCallAccumulator();
        var events = 0;
        var finished = false;
        long? input = null, output = null;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in ServerSentEventParser.ReadAsync(body, cancellationToken))
        {
            events++;
            using var document = ModelHttp.ParseEvent(item.Data, Provider);
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()!
                : throw ModelHttp.Malformed(Provider, "a stream event without a 'type'");
            switch (type)
            {
                case "message_start":
                    if (root.TryGetProperty("message", out var message) && message.TryGetProperty("usage", out var startUsage))
                    {
                        // Cached and cache-writing tokens are prompt tokens too: they fill the context window.
                        input = (Long(startUsage, "input_tokens") ?? 0) + (Long(startUsage, "cache_creation_input_tokens") ?? 0) + (Long(startUsage, "cache_read_input_tokens") ?? 0);
                        output = Long(startUsage, "output_tokens");
                    }

                    break;
                case "content_block_start":
                    if (Block(root, "content_block") is { } block && String(block, "type") == "tool_use")
                    {
                        calls.Start(Index(root), String(block, "id"), String(block, "name"));
                    }

                    break;
                case "content_block_delta":
                    var delta = Block(root, "delta") ?? throw ModelHttp.Malformed(Provider, "a content_block_delta without a delta");
                    switch (String(delta, "type"))
                    {
                        case "text_delta" when String(delta, "text") is { Length: > 0 } text:
                            yield return new ChatResponseUpdate(ChatRole.Assistant, text);
                            break;
                        case "input_json_delta":
                            calls.Append(Index(root), String(delta, "partial_json"));
                            break;
                    }

                    break;
                case "message_delta":
                    if (Block(root, "usage") is { } deltaUsage && Long(deltaUsage, "output_tokens") is { } total)
                    {
                        // Cumulative, not an increment.
                        output = total;
                    }

                    break;
                case "message_stop":
                    finished = true;
                    break;
                case "error":
                    var error = Block(root, "error") is { } e ? String(e, "type") : null;
                    throw new ModelCallException(
                        error is "overloaded_error" or "rate_limit_error" ? ModelErrorKind.RateLimited : ModelErrorKind.ServerError,
                        $"{Provider} sent an error event mid-stream ({error ?? "no type"}).");
            }

            if (finished)
            {
                break;
            }
        }

        if (events == 0)
        {
            throw new ModelCallException(ModelErrorKind.EmptyResponse, $"{Provider} answered 200 with an empty stream.");
        }

        if (!finished)
        {
            throw new ModelCallException(ModelErrorKind.Truncated, $"{Provider}'s stream ended before message_stop.");
        }

        if (calls.Any)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, calls.Complete(Provider));
        }

        if (input is not null || output is not null)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = input, OutputTokenCount = output })]);
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata(ModelProviders.Anthropic, baseUrl, model)
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The HttpClient is shared and owned by the container.
    }

    private static JsonElement? Block(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static int Index(JsonElement root) =>
        root.TryGetProperty("index", out var index) && index.ValueKind == JsonValueKind.Number ? index.GetInt32() : 0;

    private static long? Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
