using System.Net;
using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;
using ChatAgent.Model;

namespace Airlock.ChatAgent.Tests.Model;

public class ModelOptionsTests
{
    [Fact]
    public async Task Start_BadModelSettings_FailsStartupNamingEveryKey()
    {
        await using var app = new ChatAgentApp(new()
        {
            ["Model:Provider"] = "gpt",
            ["Model:BaseUrl"] = "ftp://models.example",
            ["Model:ContextWindowTokens"] = "100",
            ["Model:Prices:m:InputPerMillion"] = "-1",
        });

        var error = Assert.ThrowsAny<Exception>(app.StartServer).ToString();

        Assert.Contains("Model:Provider 'gpt' is not known; use one of: none, openai, anthropic.", error, StringComparison.Ordinal);
        Assert.Contains("Model:Name is required", error, StringComparison.Ordinal);
        Assert.Contains("Model:BaseUrl must be an absolute http or https URL (got 'ftp://models.example').", error, StringComparison.Ordinal);
        Assert.Contains("Model:ContextWindowTokens must be between 512 and 10000000 (got 100).", error, StringComparison.Ordinal);
        Assert.Contains("Model:MaxOutputTokens must be between 16 and half of ContextWindowTokens", error, StringComparison.Ordinal);
        Assert.Contains("Model:Prices:m must not be negative", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anthropic", null, "Model:Provider is anthropic but Model:ApiKey is not set")]
    [InlineData("openai", null, "Model:Provider is openai but neither Model:ApiKey nor Model:BaseUrl is set")]
    public async Task Ready_ProviderWithoutItsKey_DegradedAndAnswersFromKnowledgeBase(string provider, string? key, string why)
    {
        await using var app = new ChatAgentApp(new() { ["Model:Provider"] = provider, ["Model:Name"] = "m", ["Model:ApiKey"] = key });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/ready");
        var ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        Assert.Equal("knowledge-base-only", ready.GetProperty("mode").GetString());
        Assert.StartsWith(why, ready.GetProperty("checks").GetProperty("model").GetProperty("description").GetString(), StringComparison.Ordinal);
        var answer = await ModelApp.AskAsync(client, "How many messages can I send per minute?");
        Assert.True(answer.GetProperty("answered").GetBoolean());
    }

    [Fact]
    public async Task Ready_OllamaStyleEndpointWithoutKey_IsModelMode()
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var app = new ChatAgentApp(new() { ["Model:Provider"] = "openai", ["Model:Name"] = "llama3.1", ["Model:BaseUrl"] = server.OpenAiBaseUrl });
        using var client = app.CreateClient();

        var answer = await ModelApp.AskAsync(client, "hello");

        Assert.Equal("model", answer.GetProperty("mode").GetString());
        Assert.Equal("Hello from the fake model.", answer.GetProperty("answer").GetString());
        Assert.False(Assert.Single(server.Requests).Headers.ContainsKey("authorization"));
    }

    [Fact]
    public void Price_OllamaTagWithColon_FoundUnderUnderscoredKey()
    {
        var options = new ModelOptions { Name = "llama3.1:8b", Prices = new(StringComparer.Ordinal) { ["llama3.1_8b"] = new ModelPrice { InputPerMillion = 1 } } };

        Assert.Equal(1, options.Price?.InputPerMillion);
    }

    [Fact]
    public void DisplayBaseUrl_UrlWithCredentials_ShowsNeitherUserInfoNorQuery()
    {
        var options = new ModelOptions { Provider = "openai", BaseUrl = "https://user:hunter2@models.example/v1?api-key=secret" };

        Assert.Equal("https://models.example/v1", options.DisplayBaseUrl);
    }

    [Fact]
    public async Task Endpoints_ProviderWithKey_NeverShowTheKeyOnlyItsPrefixAndHash()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var server = await FakeModelServer.StartAsync();
        await using var app = new ChatAgentApp(ModelApp.OpenAi(kb, server));
        using var client = app.CreateClient();
        await ModelApp.AskAsync(client, "refund");

        var ready = await client.GetStringAsync("/health/ready");
        var version = await client.GetStringAsync("/version");
        var metrics = await client.GetStringAsync("/metrics");

        foreach (var text in new[] { ready, version, metrics })
        {
            Assert.DoesNotContain(ModelApp.ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain("0123456789", text, StringComparison.Ordinal);
        }

        var model = JsonDocument.Parse(ready).RootElement.GetProperty("checks").GetProperty("model");
        Assert.Equal(SecretRedactor.Redact(ModelApp.ApiKey), model.GetProperty("apiKey").GetString());
        Assert.Matches("^sk-l…\\[sha256:[0-9a-f]{8}\\]$", model.GetProperty("apiKey").GetString());
        Assert.Equal("fake-model", model.GetProperty("name").GetString());
        Assert.Equal("Bearer " + ModelApp.ApiKey, Assert.Single(server.Requests).Headers["authorization"]);
    }
}
