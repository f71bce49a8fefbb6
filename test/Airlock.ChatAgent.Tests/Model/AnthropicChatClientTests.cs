using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;
using ChatAgent.Model;
using Microsoft.Extensions.AI;

namespace Airlock.ChatAgent.Tests.Model;

public sealed class AnthropicChatClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20); // a bound on a misbehaving stream, not a timing assertion
    // One client for the class, as the app has one for its lifetime.
    private static readonly HttpClient Http = new();
    private FakeModelServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private AnthropicChatClient Client() => new(Http, new Uri(_server.AnthropicBaseUrl), "claude-fake", "sk-ant-secret-key", 512, TimeProvider.System);

    private async Task<List<ChatResponseUpdate>> StreamAsync(ChatOptions? options = null, params ChatMessage[] messages)
    {
        using var cancel = new CancellationTokenSource(Bound);
        var updates = new List<ChatResponseUpdate>();
        ChatMessage[] sent = messages.Length > 0 ? messages : [new(ChatRole.System, "A long static system prompt."), new(ChatRole.User, "Hi")];
        await foreach (var update in Client().GetStreamingResponseAsync(sent, options, cancel.Token))
        {
            updates.Add(update);
        }

        return updates;
    }

    [Fact]
    public async Task GetStreamingResponse_TextDeltas_YieldsTextAndCountsCachedPromptTokens()
    {
        _server.Enqueue(ModelScript.Text("Bon", "jour") with { InputTokens = 900, CacheReadTokens = 800, OutputTokens = 5 });

        var updates = await StreamAsync();

        Assert.Equal(["Bon", "jour"], updates.Where(u => u.Text.Length > 0).Select(u => u.Text));
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(900, usage.InputTokenCount);
        Assert.Equal(5, usage.OutputTokenCount);
    }

    [Fact]
    public async Task Request_SystemPrompt_MarkedForPromptCachingWithKeyAndVersionHeaders()
    {
        await StreamAsync();

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        Assert.Equal("sk-ant-secret-key", request.Headers["x-api-key"]);
        Assert.Equal(AnthropicChatClient.ApiVersion, request.Headers["anthropic-version"]);
        var system = Assert.Single(request.Body.GetProperty("system").EnumerateArray());
        Assert.Equal("A long static system prompt.", system.GetProperty("text").GetString());
        Assert.Equal("ephemeral", system.GetProperty("cache_control").GetProperty("type").GetString());
        Assert.Equal(512, request.Body.GetProperty("max_tokens").GetInt32());
        Assert.Equal("user", Assert.Single(request.Body.GetProperty("messages").EnumerateArray()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Request_ToolCallAndResult_SentAsToolUseAndToolResultBlocks()
    {
        _server.Enqueue(ModelScript.ToolCalls(("toolu_1", "clock", """{"zone":"Tokyo"}""")));
        ChatMessage[] messages =
        [
            new(ChatRole.System, "Sys"),
            new(ChatRole.User, "Time in Tokyo?"),
            new(ChatRole.Assistant, [new TextContent("Let me check."), new FunctionCallContent("toolu_0", "clock", new Dictionary<string, object?> { ["zone"] = "Tokyo" })]),
            new(ChatRole.Tool, [new FunctionResultContent("toolu_0", """{"zone":"Asia/Tokyo"}""")]),
        ];

        var updates = await StreamAsync(new ChatOptions { Tools = [.. ToolDeclarations.All] }, messages);

        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("toolu_1", "clock", "Tokyo"), (call.CallId, call.Name, ((JsonElement)call.Arguments!["zone"]!).GetString()));
        var body = Assert.Single(_server.Requests).Body;
        Assert.Equal("input_schema", body.GetProperty("tools")[0].EnumerateObject().Last().Name);
        var sent = body.GetProperty("messages");
        Assert.Equal(["user", "assistant", "user"], sent.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        var toolUse = sent[1].GetProperty("content")[1];
        Assert.Equal(("tool_use", "toolu_0", "Tokyo"), (toolUse.GetProperty("type").GetString(), toolUse.GetProperty("id").GetString(), toolUse.GetProperty("input").GetProperty("zone").GetString()));
        var result = sent[2].GetProperty("content")[0];
        Assert.Equal(("tool_result", "toolu_0"), (result.GetProperty("type").GetString(), result.GetProperty("tool_use_id").GetString()));
    }

    [Theory]
    [InlineData("empty", ModelErrorKind.EmptyResponse)]
    [InlineData("non-json", ModelErrorKind.InvalidJson)]
    [InlineData("truncated", ModelErrorKind.Truncated)]
    [InlineData("error-event", ModelErrorKind.RateLimited)]
    [InlineData("500", ModelErrorKind.ServerError)]
    public async Task GetStreamingResponse_UpstreamMisbehaves_ThrowsModelCallExceptionOfItsKind(string failure, string kind)
    {
        _server.Enqueue(OpenAiChatClientTests.Failure(failure));

        var error = await Assert.ThrowsAsync<ModelCallException>(() => StreamAsync());

        Assert.Equal(kind, error.Kind);
        Assert.DoesNotContain("sk-ant", error.Message, StringComparison.Ordinal);
    }
}
