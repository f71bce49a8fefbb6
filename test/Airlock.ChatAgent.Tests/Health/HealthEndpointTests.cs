using System.Net;
using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;

namespace Airlock.ChatAgent.Tests.Health;

public class HealthEndpointTests
{
    [Fact]
    public async Task Live_Always_Returns200()
    {
        await using var app = new ChatAgentApp(new() { ["Faults:FailHealth"] = "true" });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_NoConfiguration_ReportsKnowledgeBaseOnlyModeAndLoadedKnowledgeBase()
    {
        await using var app = new ChatAgentApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("knowledge-base-only", ready.GetProperty("mode").GetString());
        var checks = ready.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("knowledgeBase").GetProperty("status").GetString());
        Assert.True(checks.GetProperty("knowledgeBase").GetProperty("passages").GetInt32() > 0);
        Assert.Equal("Healthy", checks.GetProperty("timeZones").GetProperty("status").GetString());
        Assert.False(checks.GetProperty("faults").GetProperty("failHealth").GetBoolean());
        Assert.Equal(0, checks.GetProperty("faults").GetProperty("errorRate").GetDouble());
    }

    [Fact]
    public async Task Ready_ModelRegistered_ReportsModelMode()
    {
        await using var app = new ChatAgentApp(model: new FakeChatClient("x"));
        using var client = app.CreateClient();

        var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;

        Assert.Equal("model", ready.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Version_Returns_RevisionFromConfigurationAndBuild()
    {
        await using var app = new ChatAgentApp(new() { ["Agent:Revision"] = "rev-42" });
        using var client = app.CreateClient();

        var version = JsonDocument.Parse(await client.GetStringAsync("/version")).RootElement;

        Assert.Equal("rev-42", version.GetProperty("revision").GetString());
        Assert.False(string.IsNullOrEmpty(version.GetProperty("build").GetString()));
        Assert.Equal("knowledge-base-only", version.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Start_InvalidOptions_FailsStartupListingEveryError()
    {
        await using var app = new ChatAgentApp(new()
        {
            ["Faults:ErrorRate"] = "2",
            ["RateLimit:PermitsPerWindow"] = "0",
            ["KnowledgeBase:MinTermCoverage"] = "1.5",
        });

        var error = Assert.ThrowsAny<Exception>(app.StartServer);

        var message = error.ToString();
        Assert.Contains("Faults:ErrorRate", message, StringComparison.Ordinal);
        Assert.Contains("RateLimit:PermitsPerWindow", message, StringComparison.Ordinal);
        Assert.Contains("KnowledgeBase:MinTermCoverage", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_KnowledgeBaseOverBudget_FailsStartupNamingTheBudget()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings(("KnowledgeBase:MaxBytes", "10")));

        var error = Assert.ThrowsAny<Exception>(app.StartServer);

        Assert.Contains("KnowledgeBase:MaxBytes = 10", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MisspelledKey_FailsStartupNamingIt()
    {
        await using var app = new ChatAgentApp(new() { ["Faults:ErorRate"] = "1" });

        var error = Assert.ThrowsAny<Exception>(app.StartServer);

        Assert.Contains("ErorRate", error.ToString(), StringComparison.Ordinal);
    }
}
