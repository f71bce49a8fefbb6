using System.Net;
using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;
using Airlock.ChatAgent.Tests.Model;

namespace Airlock.ChatAgent.Tests.Faults;

/// <summary>Faults:ToolTimeout and Faults:UpstreamGarbage: the turn degrades in words, it never hangs or fails.</summary>
public class UpstreamFaultTests
{
    [Fact]
    public async Task Run_ToolTimeoutSwitch_ClockHangsUntilItsTimeoutAndTheAnswerSaysSo()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings(("Faults:ToolTimeout", "true"), ("Tools:Timeouts:clock", "00:00:02")));
        using var client = app.CreateClient();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20)); // a bound on a hang, not a timing assertion

        var asking = ModelApp.AskAsync(client, "What time is it in Tokyo?");

        // The tool's timer starts when the call starts; advance the fake clock until the runner's timeout fires.
        while (!asking.IsCompleted)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(2));
            await Task.WhenAny(asking, Task.Delay(20, bound.Token));
        }

        var answer = await asking;
        Assert.False(answer.GetProperty("answered").GetBoolean());
        Assert.Equal("I can't tell the time in Tokyo right now (the clock tool did not answer within 2 s).", answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Run_ToolTimeoutSwitchWithModel_TheModelIsToldTheToolTimedOutAndAnswers()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var server = await FakeModelServer.StartAsync();
        server.Enqueue(ModelScript.ToolCalls(("call_1", "clock", """{"zone":"Tokyo"}""")), ModelScript.Text("Sorry, my clock is not answering."));
        await using var app = new ChatAgentApp(ModelApp.OpenAi(kb, server, ("Faults:ToolTimeout", "true"), ("Tools:Timeouts:clock", "00:00:02")));
        using var client = app.CreateClient();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20)); // a bound on a hang, not a timing assertion

        var asking = ModelApp.AskAsync(client, "What time is it in Tokyo?");
        while (!asking.IsCompleted)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(2));
            await Task.WhenAny(asking, Task.Delay(20, bound.Token));
        }

        var answer = await asking;
        Assert.Equal("Sorry, my clock is not answering.", answer.GetProperty("answer").GetString());
        Assert.Equal("the clock tool did not answer within 2 s", answer.GetProperty("notes")[0].GetString());
        var tool = ModelApp.Messages(server.Requests[1])[^1];
        Assert.Equal(("tool", """{"error":"the clock tool did not answer within 2 s"}"""), tool);
    }

    [Fact]
    public async Task Run_UpstreamGarbageSwitchWithoutModel_SearchToolGarbageDegradesTheAnswer()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings(("Faults:UpstreamGarbage", "true")));
        using var client = app.CreateClient();

        var answer = await ModelApp.AskAsync(client, "When is my refund paid?");

        Assert.False(answer.GetProperty("answered").GetBoolean());
        Assert.StartsWith("I couldn't search my knowledge base just now (the knowledge_base_search tool returned something that is not JSON)", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html>", answer.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UpstreamGarbageSwitchWithModel_ModelAndToolGarbageDegradeTo200WithNotes()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var server = await FakeModelServer.StartAsync();
        await using var app = new ChatAgentApp(ModelApp.OpenAi(kb, server, ("Faults:UpstreamGarbage", "true")));
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"When is my refund paid?","stream":true}"""));
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        var events = (await reader.ReadToEndAsync(CancellationToken.None)).Where(e => e.Comment is null).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("done", events[^1].Event);
        var done = JsonDocument.Parse(events[^1].Data!).RootElement;
        Assert.False(done.GetProperty("answered").GetBoolean());
        Assert.Equal(
            ["the model did not answer, so this answer is quoted from the knowledge base", "the knowledge_base_search tool returned something that is not JSON"],
            done.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Empty(server.Requests);
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_model_errors_total{revision="test",kind="invalid_json"}"""));
    }

    [Fact]
    public async Task Ready_UpstreamSwitches_ShownAndDegraded()
    {
        await using var app = new ChatAgentApp(new() { ["Faults:ToolTimeout"] = "true", ["Faults:UpstreamGarbage"] = "true" });
        using var client = app.CreateClient();

        var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;

        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        var faults = ready.GetProperty("checks").GetProperty("faults");
        Assert.True(faults.GetProperty("toolTimeout").GetBoolean());
        Assert.True(faults.GetProperty("upstreamGarbage").GetBoolean());
    }
}
