using Microsoft.Extensions.AI;

namespace ChatAgent.Model;

/// <summary>
/// Fits a conversation into the model's window: the system prompt and the current turn always stay; earlier turns
/// are dropped oldest first until the estimate fits <c>ContextWindowTokens - MaxOutputTokens</c>.
/// A turn is dropped whole (the user's message, every tool call, every tool result, the answer), so a tool call is
/// never kept without its result or a result without its call: both APIs reject such a history.
/// </summary>
internal static class ContextWindow
{
    /// <param name="history">Earlier messages, oldest first; each turn starts with a user message.</param>
    /// <param name="fixedTokens">Tokens outside the messages that are always sent (tool declarations).</param>
    public static FittedContext Fit(ChatMessage system, IReadOnlyList<ChatMessage> history, IReadOnlyList<ChatMessage> current, int budget, int fixedTokens = 0)
    {
        var turns = Turns(history);
        var tokens = fixedTokens + TokenEstimator.Estimate(system) + TokenEstimator.Estimate(current) + turns.Sum(t => t.Tokens);
        var dropped = 0;
        while (dropped < turns.Count && tokens > budget)
        {
            tokens -= turns[dropped].Tokens;
            dropped++;
        }

        List<ChatMessage> messages = [system, .. turns.Skip(dropped).SelectMany(t => t.Messages), .. current];
        return new FittedContext(messages, tokens, dropped);
    }

    /// <summary>Cuts a history into turns: a user message and everything after it up to the next user message.</summary>
    public static List<(List<ChatMessage> Messages, int Tokens)> Turns(IReadOnlyList<ChatMessage> history)
    {
        var turns = new List<(List<ChatMessage> Messages, int Tokens)>();
        foreach (var message in history)
        {
            if (message.Role == ChatRole.User || turns.Count == 0)
            {
                turns.Add(([], 0));
            }

            var last = turns[^1];
            last.Messages.Add(message);
            turns[^1] = (last.Messages, last.Tokens + TokenEstimator.Estimate(message));
        }

        return turns;
    }
}
