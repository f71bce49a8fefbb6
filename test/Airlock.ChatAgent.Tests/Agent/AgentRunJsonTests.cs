using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;

namespace Airlock.ChatAgent.Tests.Agent;

public class AgentRunJsonTests
{
    [Fact]
    public async Task Run_RelevantQuestion_AnswersFromKnowledgeBaseWithCitation()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"How long does international delivery take?","conversationId":"c-1","timeZone":"Europe/Paris"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.Equal("knowledge-base-only", answer.GetProperty("mode").GetString());
        Assert.Equal("c-1", answer.GetProperty("conversationId").GetString());
        Assert.Contains("International delivery takes up to ten days.", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("number").GetInt32());
        Assert.Equal("shipping.md", citation.GetProperty("source").GetString());
        Assert.Equal("Delivery times", citation.GetProperty("section").GetString());
        Assert.Equal("2026-07-01T14:00:00+02:00", answer.GetProperty("timestamp").GetProperty("local").GetString());
    }

    [Fact]
    public async Task Run_NothingRelevant_SaysItDoesNotKnowAndPointsToAHuman()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings(("Agent:HumanContact", "help@shop.test")));
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"What is the weather on Mars?"}"""));

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(answer.GetProperty("answered").GetBoolean());
        Assert.StartsWith("I don't know", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains("help@shop.test", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("help@shop.test", answer.GetProperty("handoff").GetString());
        Assert.Equal(0, answer.GetProperty("citations").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("conversationId").GetString()));
    }

    [Fact]
    public async Task Run_UnknownTimeZone_TimestampFallsBackToLabelledUtc()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund","timeZone":"Mars/Olympus_Mons"}"""));

        var stamp = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("timestamp");
        Assert.Equal("2026-07-01T12:00:00+00:00", stamp.GetProperty("local").GetString());
        Assert.Equal("UTC", stamp.GetProperty("timeZone").GetString());
        Assert.Contains("Mars/Olympus_Mons", stamp.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoConfigurationAtAll_AnswersFromShippedKnowledgeBase()
    {
        await using var app = new ChatAgentApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/agent/run", new { message = "How many messages can I send per minute?" });

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.Equal("rate-limits.md", answer.GetProperty("citations")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Run_ModelConfigured_StreamsModelTextUnderConfiguredSystemPrompt()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new FakeChatClient("Parcels ", "ship in two days [1].");
        await using var app = new ChatAgentApp(kb.Settings(("Agent:SystemPrompt", "PERSONA-CANARY-7 You are the shop helper.")), model);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"How fast do parcels ship?"}"""));

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("model", answer.GetProperty("mode").GetString());
        Assert.Equal("Parcels ship in two days [1].", answer.GetProperty("answer").GetString());
        Assert.Equal("shipping.md", answer.GetProperty("citations")[0].GetProperty("source").GetString());
        var sent = model.LastMessages!;
        Assert.Equal(2, sent.Count);
        Assert.StartsWith("PERSONA-CANARY-7", sent[0].Text, StringComparison.Ordinal);

        // The passages ride with the question, so the system prompt stays a constant, cacheable prefix.
        Assert.DoesNotContain("Parcels ship within two days.", sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("[1] ", sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("Parcels ship within two days.", sent[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("How fast do parcels ship?", sent[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelFailsBeforeFirstWord_AnswersFromKnowledgeBaseWithNote()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new FakeChatClient { FailWith = new HttpRequestException("upstream said 500 with secret sk-live-123") };
        await using var app = new ChatAgentApp(kb.Settings(), model);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"How fast do parcels ship?"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.Contains("Parcels ship within two days.", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("the model did not answer, so this answer is quoted from the knowledge base", answer.GetProperty("notes")[0].GetString());
        Assert.DoesNotContain("sk-live", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelFailsAfterFirstWords_Returns502ProblemWithOwnCode()
    {
        using var kb = TestKnowledgeBase.Tiny();
        var model = new FakeChatClient("Parcels ") { FailWith = new HttpRequestException("upstream said 500 with secret sk-live-123"), FailAfterChunks = true };
        await using var app = new ChatAgentApp(kb.Settings(), model);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund"}"""));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadGateway, "agent.model_failed");
        Assert.DoesNotContain("sk-live", problem.GetRawText(), StringComparison.Ordinal);
    }
}
