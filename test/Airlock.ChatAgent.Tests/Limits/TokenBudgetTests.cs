using System.Net;
using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;
using ChatAgent.Limits;
using ChatAgent.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Airlock.ChatAgent.Tests.Limits;

public class TokenBudgetTests
{
    private static (TokenBudget Budget, FakeTimeProvider Clock, ServiceProvider Services) Create(long user = 100, long global = 250)
    {
        // The window is an hour aligned to the clock: Start is 12:00:00, so it resets at 13:00.
        var clock = new FakeTimeProvider(ChatAgentApp.Start);
        var services = new ServiceCollection().AddMetrics().AddSingleton<AgentMetrics>().BuildServiceProvider();
        var options = Microsoft.Extensions.Options.Options.Create(new TokenBudgetOptions { UserTokensPerWindow = user, GlobalTokensPerWindow = global, TokenWindow = TimeSpan.FromHours(1) });
        return (new TokenBudget(options, clock, services.GetRequiredService<AgentMetrics>()), clock, services);
    }

    [Fact]
    public void TryAdmit_UserSpentTheirBudget_RejectedUntilTheWindowResets()
    {
        var (budget, clock, services) = Create();
        using var _ = services;
        Assert.Null(budget.TryAdmit("u1"));
        budget.Charge("u1", 100);
        clock.Advance(TimeSpan.FromMinutes(20));

        var rejection = budget.TryAdmit("u1");

        Assert.Equal(new TokenBudgetRejection(TokenBudget.UserScope, TimeSpan.FromMinutes(40)), rejection);
        Assert.Null(budget.TryAdmit("u2"));
        clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Null(budget.TryAdmit("u1"));
    }

    [Fact]
    public void TryAdmit_GlobalBudgetSpent_RejectsEveryoneWithGlobalScope()
    {
        var (budget, _, services) = Create(user: 100, global: 250);
        using var __ = services;
        budget.Charge("u1", 99);
        budget.Charge("u2", 99);
        budget.Charge("u3", 60);

        Assert.Equal(TokenBudget.GlobalScope, budget.TryAdmit("u4")?.Scope);
        Assert.Equal(0, budget.Snapshot().GlobalTokensLeft);
    }

    [Fact]
    public void Snapshot_AfterCharges_ReportsGlobalTokensLeftAndReset()
    {
        var (budget, clock, services) = Create(user: 100, global: 250);
        using var _ = services;
        clock.Advance(TimeSpan.FromMinutes(45));
        budget.Charge("u1", 70);

        var snapshot = budget.Snapshot();

        Assert.Equal(180, snapshot.GlobalTokensLeft);
        Assert.Equal(TimeSpan.FromMinutes(15), snapshot.ResetsIn);
    }

    [Fact]
    public async Task Run_UserSpentTokenBudget_Returns429WithOwnCodeAndRetryAfter()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(
            kb.Settings(("Limits:UserTokensPerWindow", "50"), ("Limits:GlobalTokensPerWindow", "100000"), ("Limits:TokenWindow", "01:00:00"), ("Agent:Revision", "test")),
            new FakeChatClient("A long enough answer."));
        using var client = app.CreateClient();

        using var first = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund"}"""));
        using var second = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund"}"""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await HttpAssert.ProblemAsync(second, HttpStatusCode.TooManyRequests, "agent.token_budget_exhausted");
        Assert.Equal(TimeSpan.FromHours(1), second.Headers.RetryAfter?.Delta);
        Assert.Contains("3600 seconds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(1, Promtool.Value(metrics, """chatagent_token_budget_rejections_total{revision="test",scope="user"}"""));

        // Another user still has their budget.
        using var other = app.ClientFrom(IPAddress.Parse("127.0.0.2"));
        using var third = await other.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund"}"""));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Ready_AfterModelTurn_ReportsGlobalBudgetLeft()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings(("Limits:GlobalTokensPerWindow", "100000")), new FakeChatClient("Answer."));
        using var client = app.CreateClient();

        var before = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement.GetProperty("checks").GetProperty("tokenBudget");
        await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund"}"""));
        var after = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement.GetProperty("checks").GetProperty("tokenBudget");

        Assert.Equal(100000, before.GetProperty("globalTokensLeft").GetInt64());
        Assert.InRange(after.GetProperty("globalTokensLeft").GetInt64(), 1, 99999);
        Assert.Equal(3600, after.GetProperty("resetsInSeconds").GetDouble());
    }

    [Fact]
    public async Task Run_KnowledgeBaseOnlyMode_NeverRefusedForBudget()
    {
        using var kb = TestKnowledgeBase.Tiny();
        await using var app = new ChatAgentApp(kb.Settings(("Limits:UserTokensPerWindow", "1"), ("Limits:GlobalTokensPerWindow", "1")));
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"refund"}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
