using Airlock.ChatAgent.Tests.Fakes;

namespace Airlock.ChatAgent.Tests.Model;

/// <summary>History, the context window and the LLM metrics over HTTP, against the fake provider.</summary>
public sealed class ConversationRunTests : IAsyncLifetime
{
    private readonly TestKnowledgeBase _kb = TestKnowledgeBase.Tiny();
    private FakeModelServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeModelServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _kb.Dispose();
    }

    [Fact]
    public async Task Run_SecondTurnOfConversation_SendsTheFirstTurnWithItsToolCallAndResult()
    {
        _server.Enqueue(ModelScript.ToolCalls(("call_1", "clock", """{"zone":"Tokyo"}""")), ModelScript.Text("It is 21:00."), ModelScript.Text("You're welcome."));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server));
        using var client = app.CreateClient();

        await ModelApp.AskAsync(client, "What time is it in Tokyo?", "conv-1");
        await ModelApp.AskAsync(client, "Thanks!", "conv-1");
        await ModelApp.AskAsync(client, "Unrelated", "conv-2");

        var second = ModelApp.Messages(_server.Requests[2]);
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user"], second.Select(m => m.Role));
        Assert.Equal("What time is it in Tokyo?", second[1].Text);
        Assert.Contains("call_1", second[2].Text, StringComparison.Ordinal);
        Assert.Equal("It is 21:00.", second[4].Text);
        Assert.EndsWith("Thanks!", second[5].Text, StringComparison.Ordinal);
        Assert.Equal(["system", "user"], ModelApp.Messages(_server.Requests[3]).Select(m => m.Role));
    }

    [Fact]
    public async Task Run_ConversationOutgrowsWindow_OldestTurnDroppedAndUtilisationRecorded()
    {
        // 1024-token window, 128 reserved for the answer: two ~400-token questions do not fit together.
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server, ("Model:ContextWindowTokens", "1024"), ("Model:MaxOutputTokens", "128")));
        using var client = app.CreateClient();
        var first = "FIRST " + string.Concat(Enumerable.Repeat("alpha ", 266));
        var second = "SECOND " + string.Concat(Enumerable.Repeat("omega ", 266));

        await ModelApp.AskAsync(client, first, "long");
        await ModelApp.AskAsync(client, second, "long");

        var sent = ModelApp.Messages(_server.Requests[1]);
        Assert.DoesNotContain(sent, m => m.Text.Contains("FIRST", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Text.Contains("SECOND", StringComparison.Ordinal));
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(2, Promtool.Value(metrics, """chatagent_context_window_utilisation_count{revision="test"}"""));
    }

    [Fact]
    public async Task Metrics_PricedModelTurns_CountTokensCostAndUtilisationAndPassPromtool()
    {
        _server.Enqueue(
            ModelScript.ToolCalls(("call_1", "clock", """{"zone":"Tokyo"}""")) with { InputTokens = 1000, OutputTokens = 20 },
            ModelScript.Text("It is 21:00.") with { InputTokens = 1100, OutputTokens = 10 },
            ModelScript.Text("Hi.") with { InputTokens = 4000, OutputTokens = 5 });
        await using var app = new ChatAgentApp(ModelApp.OpenAi(
            _kb,
            _server,
            ("Model:Prices:fake-model:InputPerMillion", "2.5"),
            ("Model:Prices:fake-model:OutputPerMillion", "10"),
            ("Model:ContextWindowTokens", "8000")));
        using var client = app.CreateClient();

        await ModelApp.AskAsync(client, "What time is it in Tokyo?");
        await ModelApp.AskAsync(client, "Hello");
        var metrics = await client.GetStringAsync("/metrics");

        // Turn 1: 2100 in, 30 out, $0.00555; turn 2: 4000 in, 5 out, $0.01005.
        Assert.Equal(6100, Promtool.Value(metrics, """chatagent_model_tokens_total{revision="test",direction="input"}"""));
        Assert.Equal(35, Promtool.Value(metrics, """chatagent_model_tokens_total{revision="test",direction="output"}"""));
        Assert.Equal(0.0156, Promtool.Value(metrics, """chatagent_cost_usd_total{revision="test"}"""), 9);
        Assert.Equal(2, Promtool.Value(metrics, """chatagent_turn_cost_usd_count{revision="test"}"""));
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_turn_cost_usd_bucket{revision="test",le="0.01"}"""));
        // Utilisation is the largest call of each turn: 1100/8000 and 4000/8000.
        Assert.Equal(0.1375 + 0.5, Promtool.Value(metrics, """chatagent_context_window_utilisation_sum{revision="test"}"""), 9);
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_context_window_utilisation_bucket{revision="test",le="0.2"}"""));
        Assert.Contains("# TYPE chatagent_cost_usd_total counter", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE chatagent_context_window_utilisation histogram", metrics, StringComparison.Ordinal);
        await Promtool.AssertValidAsync(metrics);
    }

    [Fact]
    public async Task Metrics_ModelWithoutPrice_CountsTokensButNoCost()
    {
        await using var app = new ChatAgentApp(ModelApp.OpenAi(_kb, _server));
        using var client = app.CreateClient();

        await ModelApp.AskAsync(client, "Hello");
        var metrics = await client.GetStringAsync("/metrics");

        Assert.Equal(120, Promtool.Value(metrics, """chatagent_model_tokens_total{revision="test",direction="input"}"""));
        Assert.DoesNotContain("chatagent_cost_usd", metrics, StringComparison.Ordinal);
        Assert.Equal(120 / 8192.0, Promtool.Value(metrics, """chatagent_context_window_utilisation_sum{revision="test"}"""), 9);
    }
}
