using System.Runtime.CompilerServices;
using ChatAgent.Agent;
using ChatAgent.TimeZones;
using Microsoft.Extensions.Options;

namespace ChatAgent.Guard;

/// <summary>
/// Wraps a turn with both checks. A message the input guard blocks never reaches retrieval, tools or a model: the turn
/// is the refusal (one delta, then the completed answer with <c>refused: true</c>, <c>answered: false</c>). An answer
/// that leaks the system prompt is cut off where the leak begins and completed with the refusal instead; the text
/// streamed before that point was checked and released as harmless.
/// </summary>
internal sealed partial class TurnGuard(
    PromptGuard inputGuard,
    SystemPromptLeakCheck leakCheck,
    GuardMetrics metrics,
    IOptions<AgentOptions> agentOptions,
    IOptions<GuardOptions> guardOptions,
    ILogger<TurnGuard> logger)
{
    public async IAsyncEnumerable<TurnUpdate> RunAsync(
        string message,
        string conversationId,
        string mode,
        LocalTimestamp timestamp,
        Func<CancellationToken, IAsyncEnumerable<TurnUpdate>> turn,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!guardOptions.Value.Enabled)
        {
            await foreach (var update in turn(cancellationToken).WithCancellation(cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        var verdict = inputGuard.Inspect(message);
        if (verdict.Blocked)
        {
            // Rule names and the score explain the block; the message itself is never logged.
            LogInputBlocked(logger, conversationId, verdict.Kind!, verdict.Score, string.Join(' ', verdict.Rules));
            foreach (var update in Refuse(verdict.Kind!, conversationId, mode, timestamp, streamText: true))
            {
                yield return update;
            }

            yield break;
        }

        var filter = leakCheck.Start();
        var leaked = false;
        await foreach (var update in turn(cancellationToken).WithCancellation(cancellationToken))
        {
            if (update.Completed is { } answer)
            {
                var tail = filter.Flush();
                leaked = filter.Leaked || leakCheck.Leaks(answer.Answer);
                if (leaked)
                {
                    break;
                }

                if (tail.Length > 0)
                {
                    yield return new TurnUpdate(tail, null);
                }

                yield return update;
                yield break;
            }

            var safe = filter.Push(update.Delta ?? string.Empty);
            if (filter.Leaked)
            {
                // Leaving the loop disposes the turn's enumerator, which cancels the model's stream.
                leaked = true;
                break;
            }

            if (safe.Length > 0)
            {
                yield return new TurnUpdate(safe, null);
            }
        }

        if (!leaked)
        {
            yield break;
        }

        LogOutputWithheld(logger, conversationId);
        foreach (var update in Refuse(GuardKinds.Canary, conversationId, mode, timestamp, streamText: false))
        {
            yield return update;
        }
    }

    private IEnumerable<TurnUpdate> Refuse(string kind, string conversationId, string mode, LocalTimestamp timestamp, bool streamText)
    {
        metrics.Blocked(kind);
        var agent = agentOptions.Value;
        var text = GuardRefusal.For(kind, agent);
        if (streamText)
        {
            yield return new TurnUpdate(text, null);
        }

        yield return new TurnUpdate(null, new AgentAnswer(conversationId, text, false, mode, [], timestamp, agent.HumanContact) { Refused = true });
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Input guard refused a message in conversation {ConversationId}: {Kind}, score {Score}, rules {Rules}")]
    private static partial void LogInputBlocked(ILogger logger, string conversationId, string kind, double score, string rules);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Output check withheld an answer in conversation {ConversationId}: it carried the system prompt's canary or a verbatim run of the prompt")]
    private static partial void LogOutputWithheld(ILogger logger, string conversationId);
}
