using System.Net;
using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;

namespace Airlock.ChatAgent.Tests.Agent;

public class AgentRunTimeoutTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Run_ModelHangsPastTurnTimeout_Returns504ProblemAndCancelsTheModel()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new FakeChatClient("too late") { WaitForRelease = true };
        await using var app = new ChatAgentApp(kb.Settings(("Agent:TurnTimeout", "00:01:00")), model);
        using var client = app.CreateClient();
        using var bound = new CancellationTokenSource(Bound);

        var pending = client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund"}"""), bound.Token);
        await model.Called.Task.WaitAsync(bound.Token);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var response = await pending;

        await HttpAssert.ProblemAsync(response, HttpStatusCode.GatewayTimeout, "agent.turn_timeout");
        await model.Cancelled.Task.WaitAsync(bound.Token);
    }

    [Fact]
    public async Task Run_StreamingModelHangsPastTurnTimeout_EndsWithTimeoutErrorEvent()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new FakeChatClient("too late") { WaitForRelease = true };
        await using var app = new ChatAgentApp(kb.Settings(("Agent:TurnTimeout", "00:01:00"), ("Agent:KeepAliveInterval", "00:00:15")), model);
        using var client = app.CreateClient();
        using var bound = new CancellationTokenSource(Bound);

        using var response = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/agent/run") { Content = HttpAssert.Json("""{"message":"refund","stream":true}""") },
            HttpCompletionOption.ResponseHeadersRead,
            bound.Token);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(bound.Token));
        Assert.Equal("started", (await reader.NextAsync(bound.Token))?.Event);
        await model.Called.Task.WaitAsync(bound.Token);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var rest = (await reader.ReadToEndAsync(bound.Token)).Where(e => e.Comment is null).ToList();

        var last = Assert.Single(rest);
        Assert.Equal("error", last.Event);
        Assert.Equal("agent.turn_timeout", JsonDocument.Parse(last.Data!).RootElement.GetProperty("code").GetString());
        Assert.True(model.Cancelled.Task.IsCompleted);
    }
}
