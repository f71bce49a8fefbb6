using ChatAgent.Model;
using Microsoft.Extensions.AI;

namespace Airlock.ChatAgent.Tests.Model;

public class ContextWindowTests
{
    private static readonly ChatMessage System = new(ChatRole.System, "You are a helper.");

    // A turn with one tool round: the user's question, the call, its result, the answer; each text about 100 tokens.
    private static List<ChatMessage> ToolTurn(int n) =>
    [
        new(ChatRole.User, $"question {n} " + new string('q', 400)),
        new(ChatRole.Assistant, [new FunctionCallContent($"call_{n}", "knowledge_base_search", new Dictionary<string, object?> { ["query"] = $"q{n}" })]),
        new(ChatRole.Tool, [new FunctionResultContent($"call_{n}", $"result {n} " + new string('r', 400))]),
        new(ChatRole.Assistant, $"answer {n} " + new string('a', 400)),
    ];

    private static List<ChatMessage> History(int turns) => [.. Enumerable.Range(1, turns).SelectMany(ToolTurn)];

    [Fact]
    public void Fit_EverythingFits_KeepsAllInOrder()
    {
        var history = History(2);
        ChatMessage[] current = [new(ChatRole.User, "now")];

        var fitted = ContextWindow.Fit(System, history, current, budget: 10_000);

        Assert.Equal(0, fitted.DroppedTurns);
        Assert.Equal([System, .. history, .. current], fitted.Messages);
        Assert.Equal(TokenEstimator.Estimate([System, .. history, .. current]), fitted.EstimatedTokens);
    }

    [Fact]
    public void Fit_OverBudget_DropsOldestTurnsFirstUntilItFits()
    {
        var history = History(4);
        ChatMessage[] current = [new(ChatRole.User, "now")];
        var oneTurn = TokenEstimator.Estimate(ToolTurn(1));
        var budget = TokenEstimator.Estimate([System, .. current]) + (2 * oneTurn) + 10;

        var fitted = ContextWindow.Fit(System, history, current, budget);

        Assert.Equal(2, fitted.DroppedTurns);
        Assert.True(fitted.EstimatedTokens <= budget);
        Assert.StartsWith("question 3 ", fitted.Messages[1].Text, StringComparison.Ordinal);
        Assert.Same(current[0], fitted.Messages[^1]);
    }

    [Theory]
    [InlineData(150)]
    [InlineData(300)]
    [InlineData(450)]
    [InlineData(600)]
    [InlineData(750)]
    public void Fit_AnyBudget_NeverKeepsACallWithoutItsResultOrAResultWithoutItsCall(int budget)
    {
        var fitted = ContextWindow.Fit(System, History(5), [new(ChatRole.User, "now")], budget);

        var calls = fitted.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.CallId).ToList();
        var results = fitted.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId).ToList();
        Assert.Equal(calls, results);
        Assert.True(fitted.Messages.Count == 2 || fitted.Messages[1].Role == ChatRole.User, "the kept history starts at a user message");
    }

    [Fact]
    public void Fit_BudgetSmallerThanCurrentTurn_DropsAllHistoryAndStillSendsTheQuestion()
    {
        var fitted = ContextWindow.Fit(System, History(3), [new(ChatRole.User, new string('x', 4000))], budget: 100);

        Assert.Equal(3, fitted.DroppedTurns);
        Assert.Equal(2, fitted.Messages.Count);
        Assert.True(fitted.EstimatedTokens > 100, "the estimate reports the overflow instead of hiding it");
    }

    [Fact]
    public void Estimate_Text_IsCharactersOverFourRoundedUpPlusMessageFraming()
    {
        Assert.Equal(0, TokenEstimator.Estimate(""));
        Assert.Equal(1, TokenEstimator.Estimate("abc"));
        Assert.Equal(2, TokenEstimator.Estimate("abcde"));
        Assert.Equal(TokenEstimator.PerMessage + 3, TokenEstimator.Estimate(new ChatMessage(ChatRole.User, "hello world")));
    }
}
