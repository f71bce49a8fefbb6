using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;
using ChatAgent.Model;
using Microsoft.Extensions.AI;

namespace Airlock.ChatAgent.Tests.Model;

public sealed class OpenAiChatClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20); // a bound on a misbehaving stream, not a timing assertion
    // One client for the class, as the app has one for its lifetime.
    private static readonly HttpClient Http = new();
    private FakeModelServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private OpenAiChatClient Client(string? key = "sk-test-key") => new(Http, new Uri(_server.OpenAiBaseUrl), "fake-model", key, TimeProvider.System);

    private static async Task<List<ChatResponseUpdate>> StreamAsync(OpenAiChatClient client, ChatOptions? options = null, params ChatMessage[] messages)
    {
        using var cancel = new CancellationTokenSource(Bound);
        var updates = new List<ChatResponseUpdate>();
        ChatMessage[] sent = messages.Length > 0 ? messages : [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hi")];
        await foreach (var update in client.GetStreamingResponseAsync(sent, options, cancel.Token))
        {
            updates.Add(update);
        }

        return updates;
    }

    [Fact]
    public async Task GetStreamingResponse_TextChunks_YieldsEachChunkThenUsage()
    {
        _server.Enqueue(ModelScript.Text("Hel", "lo ", "there") with { InputTokens = 42, OutputTokens = 3 });

        var updates = await StreamAsync(Client());

        Assert.Equal(["Hel", "lo ", "there"], updates.Where(u => u.Text.Length > 0).Select(u => u.Text));
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(42, usage.InputTokenCount);
        Assert.Equal(3, usage.OutputTokenCount);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test-key", request.Headers["authorization"]);
        Assert.True(request.Body.GetProperty("stream").GetBoolean());
        Assert.True(request.Body.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal("fake-model", request.Body.GetProperty("model").GetString());
    }

    [Fact]
    public async Task GetStreamingResponse_ToolCallArgumentsInPieces_AssemblesOneFunctionCall()
    {
        _server.Enqueue(ModelScript.ToolCalls(("call_a", "clock", """{"zone":"Tokyo"}"""), ("call_b", "knowledge_base_search", """{"query":"refunds"}""")));

        var updates = await StreamAsync(Client());

        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["call_a", "call_b"], calls.Select(c => c.CallId));
        Assert.Equal("clock", calls[0].Name);
        Assert.Equal("Tokyo", ((JsonElement)calls[0].Arguments!["zone"]!).GetString());
        Assert.Equal("refunds", ((JsonElement)calls[1].Arguments!["query"]!).GetString());
    }

    [Fact]
    public async Task GetResponse_NotStreamed_ReadsWholeCompletion()
    {
        _server.Enqueue(ModelScript.Text("All ", "at once.") with { InputTokens = 9, OutputTokens = 4 });

        var response = await Client().GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        Assert.Equal("All at once.", response.Text);
        Assert.Equal(9, response.Usage?.InputTokenCount);
        Assert.False(Assert.Single(_server.Requests).Body.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task Request_WithToolsHistoryAndNoneMode_WritesChatCompletionsWireFormat()
    {
        var arguments = new Dictionary<string, object?> { ["zone"] = "Tokyo" };
        ChatMessage[] messages =
        [
            new(ChatRole.System, "Be brief."),
            new(ChatRole.User, "Time in Tokyo?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "clock", arguments)]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", """{"zone":"Asia/Tokyo","local":"2026-07-01T21:00:00+09:00"}""")]),
        ];
        var options = new ChatOptions { Tools = [.. ToolDeclarations.All], ToolMode = ChatToolMode.None, MaxOutputTokens = 77 };

        await StreamAsync(Client(key: null), options, messages);

        var request = Assert.Single(_server.Requests);
        Assert.False(request.Headers.ContainsKey("authorization"));
        var body = request.Body;
        Assert.Equal(77, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal("none", body.GetProperty("tool_choice").GetString());
        Assert.Equal(["knowledge_base_search", "clock"], body.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()));
        Assert.Equal("object", body.GetProperty("tools")[1].GetProperty("function").GetProperty("parameters").GetProperty("type").GetString());
        var sent = body.GetProperty("messages");
        Assert.Equal(["system", "user", "assistant", "tool"], sent.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        var call = sent[2].GetProperty("tool_calls")[0];
        Assert.Equal("call_1", call.GetProperty("id").GetString());
        Assert.Equal("""{"zone":"Tokyo"}""", call.GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal("call_1", sent[3].GetProperty("tool_call_id").GetString());
        Assert.Contains("Asia/Tokyo", sent[3].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "empty", ModelErrorKind.EmptyResponse },
        { "non-json", ModelErrorKind.InvalidJson },
        { "malformed", ModelErrorKind.MalformedEvent },
        { "truncated", ModelErrorKind.Truncated },
        { "error-event", ModelErrorKind.ServerError },
        { "429", ModelErrorKind.RateLimited },
        { "500", ModelErrorKind.ServerError },
        { "401", ModelErrorKind.ClientError },
    };

    internal static ModelScript Failure(string name) => name switch
    {
        "empty" => ModelScript.EmptyBody(),
        "non-json" => ModelScript.NonJson(),
        "malformed" => ModelScript.MalformedEvent("Par"),
        "truncated" => ModelScript.Truncated("Par"),
        "error-event" => ModelScript.ErrorEvent("Par"),
        "429" => ModelScript.Status(429, "7"),
        "500" => ModelScript.Status(500),
        "401" => ModelScript.Status(401),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task GetStreamingResponse_UpstreamMisbehaves_ThrowsModelCallExceptionOfItsKind(string failure, string kind)
    {
        _server.Enqueue(Failure(failure));

        var error = await Assert.ThrowsAsync<ModelCallException>(() => StreamAsync(Client()));

        Assert.Equal(kind, error.Kind);
        Assert.DoesNotContain("sk-test-key", error.Message, StringComparison.Ordinal);
        if (failure == "429")
        {
            Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        }
    }
}
