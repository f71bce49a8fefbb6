using System.Globalization;
using System.Runtime.CompilerServices;
using ChatAgent.Guard;
using ChatAgent.KnowledgeBase;
using ChatAgent.Model;
using ChatAgent.TimeZones;
using ChatAgent.Tools;
using Microsoft.Extensions.Options;

namespace ChatAgent.Agent;

/// <summary>
/// Answers one message. With no model it quotes the knowledge base; with one (<see cref="ModelTurn"/>), the model answers
/// with the retrieved passages and the tools under the configured system prompt. Both stream their text as it is produced.
/// </summary>
internal sealed partial class AgentTurn(
    KnowledgeBaseStore knowledgeBase,
    UserClock clock,
    IOptions<AgentOptions> agentOptions,
    ToolRunner tools,
    ModelTurn model,
    ILogger<AgentTurn> logger,
    TurnGuard guard)
{
    /// <summary>The note on an answer quoted from the knowledge base because the model did not answer.</summary>
    public const string ModelFallbackNote = "the model did not answer, so this answer is quoted from the knowledge base";

    public string Mode => model.Enabled ? AgentModes.Model : AgentModes.KnowledgeBaseOnly;

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
        _ = knowledgeBase.Current
            ?? throw new AgentTurnException(Errors.ErrorCodes.Internal, "The knowledge base is not loaded yet.");

        if (!model.Enabled)
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

        // Model mode. A model that fails before its first word is replaced by the knowledge base's own answer, with
        // a note; one that fails mid-answer ends the turn with agent.model_failed, since half an answer is on screen.
        var yielded = false;
        ModelResult? result = null;
        await using (var updates = model.RunAsync(message, conversationId, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (true)
            {
                ModelUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }

                    update = updates.Current;
                }
                catch (Exception ex) when (ex is not AgentTurnException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
                {
                    model.Failed(ex, conversationId);
                    if (yielded)
                    {
                        throw new AgentTurnException(Errors.ErrorCodes.ModelFailed, "The model stopped answering mid-way; please try again.", ex);
                    }

                    break;
                }

                if (update.Result is not null)
                {
                    result = update.Result;
                    break;
                }

                yielded = true;
                yield return new TurnUpdate(update.Delta, null);
            }
        }

        if (result is null)
        {
            var quoted = await AnswerWithToolsAsync(message, cancellationToken);
            foreach (var word in Words(quoted.Text))
            {
                yield return new TurnUpdate(word, null);
            }

            LogAnswered(logger, conversationId, AgentModes.KnowledgeBaseOnly, quoted.Sources.Count);
            yield return new TurnUpdate(null, Complete(conversationId, quoted.Text, quoted.Answered, quoted.Sources, timestamp, [ModelFallbackNote, .. quoted.Notes ?? []]));
            yield break;
        }

        var answered = result.Text.Length > 0;
        LogAnswered(logger, conversationId, Mode, result.Sources.Count);
        yield return new TurnUpdate(
            null,
            Complete(conversationId, answered ? result.Text : DontKnow(), answered, result.Sources, timestamp, result.Notes),
            result.InputTokens + result.OutputTokens);
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

}
