using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;
using ChatAgent.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace Airlock.ChatAgent.Tests.Tools;

public class ToolAgentRunTests
{
    private static async Task<JsonElement> AskAsync(HttpClient client, string message)
    {
        using var response = await client.PostAsync("/agent/run", HttpAssert.Json(JsonSerializer.Serialize(new { message })));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [InlineData("What time is it in Tokyo?")]
    [InlineData("what's the time in tokyo right now")]
    [InlineData("Current time in Asia/Tokyo")]
    public async Task AgentRun_TimeQuestionInKnowledgeBaseOnlyMode_AnsweredByClockTool(string question)
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings());
        using var client = app.CreateClient();

        var answer = await AskAsync(client, question);

        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.Equal("It is 21:00 on Wednesday 1 July 2026 in Asia/Tokyo (UTC+09:00).", answer.GetProperty("answer").GetString());
        Assert.False(answer.TryGetProperty("notes", out _));
    }

    [Fact]
    public async Task AgentRun_TimeQuestionForUnknownPlace_SaysSoWithoutGuessing()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings());
        using var client = app.CreateClient();

        var answer = await AskAsync(client, "What time is it in Atlantis?");

        Assert.False(answer.GetProperty("answered").GetBoolean());
        Assert.Equal("I can't tell the time in Atlantis right now ('Atlantis' is not a time zone or city I know).", answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task AgentRun_ClockToolTimesOut_AnswerDegradedWithNote()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = new ChatAgentApp(
            kb.Settings(("Tools:Timeouts:clock", "00:00:03"), ("Agent:Revision", "test")),
            services: s => s.AddSingleton<IAgentTool>(sp => new ScriptedTool(ActivatorUtilities.CreateInstance<ClockTool>(sp), ScriptedTool.Hangs(started))));
        using var client = app.CreateClient();

        var asking = AskAsync(client, "What time is it in Tokyo?");
        await started.Task;
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        var answer = await asking;

        Assert.False(answer.GetProperty("answered").GetBoolean());
        Assert.Equal("I can't tell the time in Tokyo right now (the clock tool did not answer within 3 s).", answer.GetProperty("answer").GetString());
        Assert.Equal("the clock tool did not answer within 3 s", Assert.Single(answer.GetProperty("notes").EnumerateArray()).GetString());
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_tool_timeouts_total{revision="test",tool="clock"}"""));
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_tool_calls_total{revision="test",outcome="timed_out",tool="clock"}"""));
    }

    [Fact]
    public async Task AgentRun_StreamedAndSearchToolThrows_StreamEndsWithDoneCarryingNote()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(
            kb.Settings(),
            services: s => s.AddSingleton<IAgentTool>(sp => new ScriptedTool(
                ActivatorUtilities.CreateInstance<KnowledgeBaseSearchTool>(sp),
                (_, _) => throw new IOException("index file vanished"))));
        using var client = app.CreateClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20)); // a bound on a misbehaving stream, not a timing assertion

        using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund","stream":true}"""), cancel.Token);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = (await reader.ReadToEndAsync(cancel.Token)).Where(e => e.Comment is null).ToList();

        Assert.Equal("done", events[^1].Event);
        var done = JsonDocument.Parse(events[^1].Data!).RootElement;
        Assert.False(done.GetProperty("answered").GetBoolean());
        Assert.Equal("the knowledge_base_search tool failed", Assert.Single(done.GetProperty("notes").EnumerateArray()).GetString());
        Assert.DoesNotContain("vanished", string.Concat(events.Select(e => e.Data)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentRun_SearchToolReturnsGarbage_AnswerDegradedAndCounted()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(
            kb.Settings(("Agent:Revision", "test")),
            services: s => s.AddSingleton<IAgentTool>(sp => new ScriptedTool(
                ActivatorUtilities.CreateInstance<KnowledgeBaseSearchTool>(sp),
                ScriptedTool.Returns("""{"hits":[{"source":"x.md","score":"high"}]}"""))));
        using var client = app.CreateClient();

        var answer = await AskAsync(client, "How long does international delivery take?");

        Assert.False(answer.GetProperty("answered").GetBoolean());
        Assert.StartsWith("I couldn't search my knowledge base just now (the knowledge_base_search tool returned an unusable result", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("handoff").GetString()));
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_tool_errors_total{revision="test",kind="invalid_result",tool="knowledge_base_search"}"""));
        await Promtool.AssertValidAsync(metrics);
    }

    [Fact]
    public async Task AgentRun_RetrievalQuestion_AnsweredThroughSearchToolAndCounted()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings(("Agent:Revision", "test")));
        using var client = app.CreateClient();

        var answer = await AskAsync(client, "How long does international delivery take?");

        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.Contains("International delivery takes up to ten days.", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("shipping.md", answer.GetProperty("citations")[0].GetProperty("source").GetString());
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_tool_calls_total{revision="test",outcome="ok",tool="knowledge_base_search"}"""));
    }
}
