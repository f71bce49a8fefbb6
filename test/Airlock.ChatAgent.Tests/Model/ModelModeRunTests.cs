using System.Net;
using Airlock.ChatAgent.Tests.Fakes;

namespace Airlock.ChatAgent.Tests.Model;

/// <summary>The agent in model mode against the fake provider on loopback: what a user sees in each case.</summary>
public sealed class ModelModeRunTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20); // a bound on a misbehaving stream, not a timing assertion
    private readonly TestKnowledgeBase _kb = TestKnowledgeBase.Tiny();
    private FakeModelServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeModelServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _kb.Dispose();
    }

    private static async Task<List<ServerSentEvent>> ReadStreamAsync(HttpClient client, HttpRequestMessage request)
    {
        using var cancel = new CancellationTokenSource(Bound);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        return [.. (await reader.ReadToEndAsync(cancel.Token)).Where(e => e.Comment is null)];
    }

    [Fact]
    public async Task Run_OpenAiStreamed_EachModelChunkIsOneDeltaAndFirstTokenTimedInModelMode()
    {
        _server.Enqueue(ModelScript.Text("Parcels ", "ship within ", "two days [1]."));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server));
        using var client = app.CreateClient();

        var events = await ReadStreamAsync(client, ModelApp.Stream("How fast do parcels ship?"));

        Assert.Equal("model", ModelApp.Data(events[0], "mode"));
        Assert.Equal(["Parcels ", "ship within ", "two days [1]."], events.Where(e => e.Event == "delta").Select(e => ModelApp.Data(e, "text")));
        Assert.Equal("Parcels ship within two days [1].", ModelApp.Data(events[^1], "answer"));
        Assert.Contains("shipping.md", events[^1].Data, StringComparison.Ordinal);
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_turn_time_to_first_token_seconds_count{revision="test",mode="model"}"""));
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_turns_total{revision="test",mode="model",outcome="answered"}"""));
    }

    [Fact]
    public async Task Run_AnthropicStreamed_AnswersWithSystemPromptMarkedForCaching()
    {
        _server.Enqueue(ModelScript.Text("A refund ", "takes 14 days [1]."));
        await using var app = new ChatAgentApp(ModelApp.Anthropic(_kb, _server, ("Agent:SystemPrompt", "You are the shop helper.")));
        using var client = app.CreateClient();

        var events = await ReadStreamAsync(client, ModelApp.Stream("When is my refund paid?"));

        Assert.Equal(["A refund ", "takes 14 days [1]."], events.Where(e => e.Event == "delta").Select(e => ModelApp.Data(e, "text")));
        var system = Assert.Single(Assert.Single(_server.Requests).Body.GetProperty("system").EnumerateArray());
        Assert.StartsWith("You are the shop helper.", system.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("ephemeral", system.GetProperty("cache_control").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Run_ModelCallsClock_ToolRunsAndItsResultIsFedBack()
    {
        _server.Enqueue(ModelScript.ToolCalls(("call_1", "clock", """{"zone":"Tokyo"}""")), ModelScript.Text("It is 21:00 in Tokyo."));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server));
        using var client = app.CreateClient();

        var answer = await ModelApp.AskAsync(client, "What time is it in Tokyo?");

        Assert.Equal("It is 21:00 in Tokyo.", answer.GetProperty("answer").GetString());
        Assert.Equal(2, _server.Requests.Count);
        var second = ModelApp.Messages(_server.Requests[1]);
        Assert.Equal(["system", "user", "assistant", "tool"], second.Select(m => m.Role));
        Assert.Contains("2026-07-01T21:00:00+09:00", second[3].Text, StringComparison.Ordinal);
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_tool_calls_total{revision="test",outcome="ok",tool="clock"}"""));
    }

    [Fact]
    public async Task Run_ModelTalksBeforeAndAfterATool_RoundsSeparatedAndDeltasAddUpToTheAnswer()
    {
        _server.Enqueue(ModelScript.ToolCalls(("call_1", "clock", """{"zone":"Tokyo"}""")) with { Chunks = ["Let me check."] }, ModelScript.Text("It is ", "21:00."));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server));
        using var client = app.CreateClient();

        var events = await ReadStreamAsync(client, ModelApp.Stream("What time is it in Tokyo?"));

        var deltas = events.Where(e => e.Event == "delta").Select(e => ModelApp.Data(e, "text")).ToList();
        Assert.Equal("Let me check.\n\nIt is 21:00.", ModelApp.Data(events[^1], "answer"));
        Assert.Equal(ModelApp.Data(events[^1], "answer"), string.Concat(deltas));
    }

    [Fact]
    public async Task Run_ModelCallsTwoToolsInOneRound_BothResultsFedBackInCallOrderAndCited()
    {
        _server.Enqueue(
            ModelScript.ToolCalls(("call_a", "clock", """{"zone":"Atlantis"}"""), ("call_b", "knowledge_base_search", """{"query":"refund warehouse"}""")),
            ModelScript.Text("Refunds take 14 days [1]."));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server));
        using var client = app.CreateClient();

        var answer = await ModelApp.AskAsync(client, "Tell me something");

        var tools = _server.Requests[1].Body.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("role").GetString() == "tool").ToList();
        Assert.Equal(["call_a", "call_b"], tools.Select(t => t.GetProperty("tool_call_id").GetString()));
        Assert.Contains("not a time zone or city I know", tools[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("[1] Refunds: A refund is paid", tools[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("returns.md", answer.GetProperty("citations")[0].GetProperty("source").GetString());
        Assert.Equal("'Atlantis' is not a time zone or city I know", answer.GetProperty("notes")[0].GetString());
    }

    [Fact]
    public async Task Run_ModelKeepsAskingForTools_StopsAtMaxRoundsAndSaysItDoesNotKnow()
    {
        var call = ModelScript.ToolCalls(("call_x", "knowledge_base_search", """{"query":"more"}"""));
        _server.Enqueue(call, call, call);
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server, ("Tools:MaxRounds", "2")));
        using var client = app.CreateClient();

        var answer = await ModelApp.AskAsync(client, "Loop forever");

        Assert.Equal(3, _server.Requests.Count);
        Assert.False(_server.Requests[1].Body.TryGetProperty("tool_choice", out _));
        Assert.Equal("none", _server.Requests[2].Body.GetProperty("tool_choice").GetString());
        Assert.False(answer.GetProperty("answered").GetBoolean());
        Assert.Contains("the model wanted more than 2 rounds of tools", answer.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(1, Promtool.Value(await client.GetStringAsync("/metrics"), """chatagent_tool_round_cap_hits_total{revision="test"}"""));
    }

    [Theory]
    [InlineData("empty", "empty_response")]
    [InlineData("non-json", "invalid_json")]
    [InlineData("429", "rate_limited")]
    [InlineData("500", "server_error")]
    [InlineData("401", "client_error")]
    public async Task Run_ModelFailsBeforeFirstWord_UserGetsKnowledgeBaseAnswerWithNote(string failure, string kind)
    {
        _server.Enqueue(OpenAiChatClientTests.Failure(failure));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server));
        using var client = app.CreateClient();

        var answer = await ModelApp.AskAsync(client, "When is my refund paid?");

        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.StartsWith("A refund is paid within 14 days", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("the model did not answer, so this answer is quoted from the knowledge base", answer.GetProperty("notes")[0].GetString());
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(1, Promtool.Value(metrics, $$"""chatagent_model_errors_total{revision="test",kind="{{kind}}"}"""));
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("truncated")]
    [InlineData("error-event")]
    public async Task Run_ModelStreamBreaksAfterFirstWords_StreamEndsWithModelFailedEvent(string failure)
    {
        _server.Enqueue(OpenAiChatClientTests.Failure(failure));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server));
        using var client = app.CreateClient();

        var events = await ReadStreamAsync(client, ModelApp.Stream("When is my refund paid?"));

        Assert.Equal("Par", ModelApp.Data(Assert.Single(events, e => e.Event == "delta"), "text"));
        Assert.Equal("error", events[^1].Event);
        Assert.Equal("agent.model_failed", ModelApp.Data(events[^1], "code"));
        Assert.DoesNotContain(events, e => e.Event == "done");
        Assert.DoesNotContain("Exception", events[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelFailsAfterFirstWordsNotStreamed_Returns502ModelFailed()
    {
        _server.Enqueue(OpenAiChatClientTests.Failure("malformed"));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server));
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund"}"""));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadGateway, "agent.model_failed");
    }

    [Fact]
    public async Task Run_ModelStallsMidStreamPastTurnTimeout_EndsWithTimeoutEventAndAbortsUpstream()
    {
        _server.Enqueue(ModelScript.StallAfter("Refunds "));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server, ("Agent:TurnTimeout", "00:01:00"), ("Agent:KeepAliveInterval", "00:05:00")));
        using var client = app.CreateClient();
        using var cancel = new CancellationTokenSource(Bound);

        using var response = await client.SendAsync(ModelApp.Stream("refund"), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.Equal("started", (await reader.NextAsync(cancel.Token))?.Event);
        Assert.Equal("delta", (await reader.NextAsync(cancel.Token))?.Event);
        await _server.Stalled.Task.WaitAsync(cancel.Token);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var rest = (await reader.ReadToEndAsync(cancel.Token)).Where(e => e.Comment is null).ToList();

        Assert.Equal("agent.turn_timeout", ModelApp.Data(Assert.Single(rest), "code"));
        await _server.Aborted.Task.WaitAsync(cancel.Token);
    }

    [Fact]
    public async Task Run_ModelSlowToStart_KeepAliveCommentsThenTheAnswer()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Enqueue(ModelScript.Text("Late but here.") with { Gate = gate });
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server, ("Agent:KeepAliveInterval", "00:00:15")));
        using var client = app.CreateClient();
        using var cancel = new CancellationTokenSource(Bound);

        using var response = await client.SendAsync(ModelApp.Stream("refund"), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.Equal("started", (await reader.NextAsync(cancel.Token))?.Event);
        while (_server.Requests.Count == 0)
        {
            await Task.Delay(10, cancel.Token); // polls for the request to arrive; no timing is asserted
        }

        app.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("keep-alive", (await reader.NextAsync(cancel.Token))?.Comment);
        gate.SetResult();
        var rest = await reader.ReadToEndAsync(cancel.Token);

        Assert.Equal("Late but here.", ModelApp.Data(rest.Single(e => e.Event == "done"), "answer"));
    }

    [Fact]
    public async Task Run_ClientDisconnectsMidStream_UpstreamModelCallIsAborted()
    {
        _server.Enqueue(ModelScript.StallAfter("Refunds "));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server));
        using var bound = new CancellationTokenSource(Bound);
        using var socket = await RawStreamClient.OpenUntilAsync(app, """{"message":"refund","stream":true}""", "event: delta", bound.Token);
        await _server.Stalled.Task.WaitAsync(bound.Token);
        socket.Close();

        await _server.Aborted.Task.WaitAsync(bound.Token);
    }
}
