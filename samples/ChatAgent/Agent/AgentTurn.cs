using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ChatAgent.Guard;
using ChatAgent.KnowledgeBase;
using ChatAgent.TimeZones;
using ChatAgent.Tools;
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
    ToolRunner tools,
    ILogger<AgentTurn> logger,
    TurnGuard guard,
    IChatClient? chatClient = null)
{
    public string Mode => chatClient is null ? AgentModes.KnowledgeBaseOnly : AgentModes.Model;

    public LocalTimestamp Timestamp(string? timeZone) => clock.Now(timeZone);

    /// <summary>The turn behind the injection guard and the output leak check (Guard/).</summary>
    public IAsyncEnumerable<TurnUpdate> RunAsync(string message, string conversationId, LocalTimestamp timestamp, CancellationToken cancellationToken) =>
        guard.RunAsync(message, conversationId, Mode, timestamp, token => RunUnguardedAsync(message, conversationId, timestamp, token), cancellationToken);

    private async IAsyncEnumerable<TurnUpdate> RunUnguardedAsync(
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
            var quoted = await AnswerWithToolsAsync(message, cancellationToken);
            foreach (var word in Words(quoted.Text))
            {
                yield return new TurnUpdate(word, null);
            }

            LogAnswered(logger, conversationId, Mode, quoted.Sources.Count);
            yield return new TurnUpdate(null, Complete(conversationId, quoted.Text, quoted.Answered, quoted.Sources, timestamp, quoted.Notes));
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

    // Knowledge-base-only mode plans one round itself: the clock tool for "what time is it in X?", else the search tool.
    private async Task<(string Text, bool Answered, IReadOnlyList<SearchHit> Sources, IReadOnlyList<string>? Notes)> AnswerWithToolsAsync(
        string message,
        CancellationToken cancellationToken)
    {
        var place = TimeQuestion.Place(message);
        var call = place is null
            ? new ToolCall(ToolNames.KnowledgeBaseSearch, new Dictionary<string, string> { [KnowledgeBaseSearchTool.QueryArgument] = message })
            : new ToolCall(ToolNames.Clock, new Dictionary<string, string> { [ClockTool.ZoneArgument] = place });
        var run = await tools.RunAsync(done => done.Count == 0 ? [call] : [], cancellationToken);
        var result = run.Results[0];
        if (result.Output is not { } output)
        {
            var note = result.Note ?? "a tool did not answer";
            var text = place is null
                ? $"I couldn't search my knowledge base just now ({note}). Please try again, or ask {agentOptions.Value.HumanContact}."
                : $"I can't tell the time in {place} right now ({note}).";
            return (text, false, [], [note]);
        }

        if (place is not null)
        {
            var local = DateTimeOffset.ParseExact(output.GetProperty("local").GetString()!, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            var zone = output.GetProperty("zone").GetString();
            var text = string.Create(CultureInfo.InvariantCulture, $"It is {local:HH:mm} on {local:dddd d MMMM yyyy} in {zone} (UTC{local:zzz}).");
            return (text, true, [], null);
        }

        var extractive = ExtractiveAnswerer.Compose(message, KnowledgeBaseSearchTool.ReadHits(output));
        return (extractive.Text ?? DontKnow(), extractive.Text is not null, extractive.Sources, null);
    }

    private string DontKnow() =>
        $"I don't know: nothing in my knowledge base answers that well enough. Please ask {agentOptions.Value.HumanContact}.";

    private AgentAnswer Complete(
        string conversationId,
        string text,
        bool answered,
        IReadOnlyList<SearchHit> sources,
        LocalTimestamp timestamp,
        IReadOnlyList<string>? notes = null) =>
        new(
            conversationId,
            text,
            answered,
            Mode,
            [.. sources.Select((s, i) => new Citation(i + 1, s.Passage.Source, s.Passage.Title, s.Passage.Section, Math.Round(s.Score, 3)))],
            timestamp,
            answered ? null : agentOptions.Value.HumanContact,
            notes);

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
