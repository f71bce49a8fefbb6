using System.Net;
using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;

namespace Airlock.ChatAgent.Tests.Agent;

public class AgentRunStreamingTests
{
    // A bound on waiting for a stream that misbehaves, not a timing assertion: a passing run takes milliseconds.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static HttpRequestMessage StreamRequest(string body, bool viaAcceptHeader = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/agent/run") { Content = HttpAssert.Json(body) };
        if (viaAcceptHeader)
        {
            request.Headers.Accept.ParseAdd("text/event-stream");
        }

        return request;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_StreamAsked_SendsNumberedEventsEndingWithDone(bool viaAcceptHeader)
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings());
        using var client = app.CreateClient();
        using var cancel = new CancellationTokenSource(Bound);
        var body = viaAcceptHeader ? """{"message":"refund"}""" : """{"message":"refund","stream":true}""";

        using var response = await client.SendAsync(StreamRequest(body, viaAcceptHeader), HttpCompletionOption.ResponseHeadersRead, cancel.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no", Assert.Single(response.Headers.GetValues("X-Accel-Buffering")));
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = (await reader.ReadToEndAsync(cancel.Token)).Where(e => e.Comment is null).ToList();

        Assert.Equal("started", events[0].Event);
        Assert.Equal("done", events[^1].Event);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.Id));
        var deltas = events.Where(e => e.Event == "delta").Select(e => JsonDocument.Parse(e.Data!).RootElement.GetProperty("text").GetString()).ToList();
        Assert.True(deltas.Count > 1, "the answer arrives in pieces");
        var done = JsonDocument.Parse(events[^1].Data!).RootElement;
        Assert.Equal(string.Concat(deltas), done.GetProperty("answer").GetString());
        Assert.Equal("returns.md", done.GetProperty("citations")[0].GetProperty("source").GetString());
        Assert.Single(events, e => e.Event is "done" or "error");
    }

    [Fact]
    public async Task Run_SlowModel_SendsKeepAliveCommentsWhileWaiting()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new FakeChatClient("late answer") { WaitForRelease = true };
        await using var app = new ChatAgentApp(kb.Settings(("Agent:KeepAliveInterval", "00:00:15")), model);
        using var client = app.CreateClient();
        using var cancel = new CancellationTokenSource(Bound);

        using var response = await client.SendAsync(StreamRequest("""{"message":"refund","stream":true}"""), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        Assert.Equal("started", (await reader.NextAsync(cancel.Token))?.Event);
        await model.Called.Task.WaitAsync(cancel.Token);
        app.Clock.Advance(TimeSpan.FromSeconds(15));
        var keepAlive = await reader.NextAsync(cancel.Token);
        Assert.Equal("keep-alive", keepAlive?.Comment);

        model.Release();
        var rest = await reader.ReadToEndAsync(cancel.Token);
        Assert.Equal("late answer", JsonDocument.Parse(rest.Single(e => e.Event == "done").Data!).RootElement.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Run_ModelFailsMidStream_EndsWithErrorEventCarryingOwnCode()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new FakeChatClient("Refunds ") { FailWith = new InvalidDataException("upstream returned 200 with an HTML page"), FailAfterChunks = true };
        await using var app = new ChatAgentApp(kb.Settings(), model);
        using var client = app.CreateClient();
        using var cancel = new CancellationTokenSource(Bound);

        using var response = await client.SendAsync(StreamRequest("""{"message":"refund","stream":true}"""), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = await reader.ReadToEndAsync(cancel.Token);

        var last = events[^1];
        Assert.Equal("error", last.Event);
        var error = JsonDocument.Parse(last.Data!).RootElement;
        Assert.Equal("agent.model_failed", error.GetProperty("code").GetString());
        Assert.Contains(events, e => e.Event == "delta");
        Assert.DoesNotContain("HTML", last.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Event == "done");
    }

    [Fact]
    public async Task Run_ClientDisconnects_CancelsTheModelCall()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new FakeChatClient("never sent") { WaitForRelease = true };
        await using var app = new ChatAgentApp(kb.Settings(), model);
        using var bound = new CancellationTokenSource(Bound);
        using var socket = await RawStreamClient.OpenUntilAsync(app, """{"message":"refund","stream":true}""", "event: started", bound.Token);
        await model.Called.Task.WaitAsync(bound.Token);
        socket.Close();

        await model.Cancelled.Task.WaitAsync(bound.Token);
    }
}
