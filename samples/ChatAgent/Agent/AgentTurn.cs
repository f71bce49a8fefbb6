using System.Runtime.CompilerServices;
using System.Text;
using ChatAgent.KnowledgeBase;
using ChatAgent.TimeZones;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatAgent.Agent;

/// <summary>
/// Answers one message. With no <see cref="IChatClient"/> registered it quotes the knowledge base; with one, the model
/// answers from the same retrieved passages under the configured system prompt. Both stream their text as it is produced.
/// </summary>
internal sealed partial class AgentTurn(
    KnowledgeBaseStore knowledgeBase,
    UserClock clock,
    IOptions<AgentOptions> agentOptions,
    IOptions<KnowledgeBaseOptions> knowledgeBaseOptions,
    ILogger<AgentTurn> logger,
    IChatClient? chatClient = null)
{
    public string Mode => chatClient is null ? AgentModes.KnowledgeBaseOnly : AgentModes.Model;

    public LocalTimestamp Timestamp(string? timeZone) => clock.Now(timeZone);

    public async IAsyncEnumerable<TurnUpdate> RunAsync(
        string message,
        string conversationId,
        LocalTimestamp timestamp,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var snapshot = knowledgeBase.Current
            ?? throw new AgentTurnException(Errors.ErrorCodes.Internal, "The knowledge base is not loaded yet.");
        var options = knowledgeBaseOptions.Value;

        if (chatClient is null)
        {
            var extractive = ExtractiveAnswerer.Answer(snapshot.Index, message, options);
            var text = extractive.Text ?? DontKnow();
            foreach (var word in Words(text))
            {
                yield return new TurnUpdate(word, null);
            }

            LogAnswered(logger, conversationId, Mode, extractive.Sources.Count);
            yield return new TurnUpdate(null, Complete(conversationId, text, extractive.Text is not null, extractive.Sources, timestamp));
            yield break;
        }

        var sources = ExtractiveAnswerer.Relevant(snapshot.Index, message, options);
        var answer = new StringBuilder();
        await using var updates = StreamModelAsync(message, sources, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            string delta;
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    break;
                }

                delta = updates.Current;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogModelFailed(logger, ex, conversationId);
                throw new AgentTurnException(Errors.ErrorCodes.ModelFailed, "The model did not answer; please try again.", ex);
            }

            answer.Append(delta);
            yield return new TurnUpdate(delta, null);
        }

        var answered = answer.Length > 0;
        LogAnswered(logger, conversationId, Mode, sources.Count);
        yield return new TurnUpdate(null, Complete(conversationId, answered ? answer.ToString() : DontKnow(), answered, sources, timestamp));
    }

    private async IAsyncEnumerable<string> StreamModelAsync(
        string message,
        IReadOnlyList<SearchHit> sources,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = new StringBuilder(agentOptions.Value.SystemPrompt).Append("\n\nContext passages:\n");
        if (sources.Count == 0)
        {
            context.Append("(none relevant: say you don't know and suggest ").Append(agentOptions.Value.HumanContact).Append(")\n");
        }

        for (var i = 0; i < sources.Count; i++)
        {
            context.Append('[').Append(i + 1).Append("] ").Append(sources[i].Passage.Section).Append(": ").Append(sources[i].Passage.Text).Append('\n');
        }

        ChatMessage[] messages = [new(ChatRole.System, context.ToString()), new(ChatRole.User, message)];
        await foreach (var update in chatClient!.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    private string DontKnow() =>
        $"I don't know: nothing in my knowledge base answers that well enough. Please ask {agentOptions.Value.HumanContact}.";

    private AgentAnswer Complete(string conversationId, string text, bool answered, IReadOnlyList<SearchHit> sources, LocalTimestamp timestamp) =>
        new(
            conversationId,
            text,
            answered,
            Mode,
            [.. sources.Select((s, i) => new Citation(i + 1, s.Passage.Source, s.Passage.Title, s.Passage.Section, Math.Round(s.Score, 3)))],
            timestamp,
            answered ? null : agentOptions.Value.HumanContact);

    // Word by word with the following space kept, so concatenating the deltas gives back the answer exactly.
    private static IEnumerable<string> Words(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i - 1] == ' ' && text[i] != ' '))
            {
                yield return text[start..i];
                start = i;
            }
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Turn answered for conversation {ConversationId} in {Mode} mode from {Sources} passages")]
    private static partial void LogAnswered(ILogger logger, string conversationId, string mode, int sources);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "The model failed for conversation {ConversationId}")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, string conversationId);
}
