using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ChatAgent.Agent;
using ChatAgent.KnowledgeBase;
using ChatAgent.Metrics;
using ChatAgent.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatAgent.Model;

/// <summary>
/// One turn in model mode: the history fitted into the context window, the answer streamed, the model's tool calls
/// run through <see cref="ToolRunner"/> (one round's calls at once, at most <c>Tools:MaxRounds</c> rounds) and fed back,
/// then tokens, cost and context use recorded and the turn added to the conversation.
/// </summary>
internal sealed partial class ModelTurn
{
    private readonly IChatClient? _chat;
    private readonly ToolRunner _tools;
    private readonly ConversationStore _conversations;
    private readonly KnowledgeBaseStore _knowledgeBase;
    private readonly IOptions<ModelOptions> _options;
    private readonly IOptions<ToolOptions> _toolOptions;
    private readonly IOptions<AgentOptions> _agentOptions;
    private readonly IOptions<KnowledgeBaseOptions> _knowledgeBaseOptions;
    private readonly AgentMetrics _metrics;
    private readonly ILogger<ModelTurn> _logger;

    public ModelTurn(
        IEnumerable<IChatClient> registered,
        ModelClientFactory factory,
        ToolRunner tools,
        ConversationStore conversations,
        KnowledgeBaseStore knowledgeBase,
        IOptions<ModelOptions> options,
        IOptions<ToolOptions> toolOptions,
        IOptions<AgentOptions> agentOptions,
        IOptions<KnowledgeBaseOptions> knowledgeBaseOptions,
        AgentMetrics metrics,
        ILogger<ModelTurn> logger)
    {
        // A client registered in DI (a host's own, or a test's fake) wins over the configured provider.
        _chat = registered.LastOrDefault() ?? factory.Create();
        _tools = tools;
        _conversations = conversations;
        _knowledgeBase = knowledgeBase;
        _options = options;
        _toolOptions = toolOptions;
        _agentOptions = agentOptions;
        _knowledgeBaseOptions = knowledgeBaseOptions;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>False in knowledge-base-only mode: no provider configured (or without its key) and no client registered.</summary>
    public bool Enabled => _chat is not null;

    public async IAsyncEnumerable<ModelUpdate> RunAsync(string message, string conversationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chat = _chat ?? throw new InvalidOperationException("No model is configured.");
        var options = _options.Value;
        var maxRounds = _toolOptions.Value.MaxRounds;
        var budget = options.ContextWindowTokens - options.MaxOutputTokens;
        var system = new ChatMessage(ChatRole.System, SystemPrompt());
        var history = _conversations.Get(conversationId);

        // Passages found up front go into this turn's message, not the system prompt, so the system prompt stays a
        // constant prefix that Anthropic's prompt cache can serve. The history keeps the bare question.
        var sources = new List<SearchHit>();
        var snapshot = _knowledgeBase.Current ?? throw new AgentTurnException(Errors.ErrorCodes.Internal, "The knowledge base is not loaded yet.");
        var found = ExtractiveAnswerer.Relevant(snapshot.Index, message, _knowledgeBaseOptions.Value);
        var current = new List<ChatMessage> { new(ChatRole.User, WithPassages(message, found, sources)) };

        var answer = new StringBuilder();
        var notes = new List<string>();
        long input = 0, output = 0;
        var utilisation = 0.0;
        for (var round = 0; ; round++)
        {
            // After MaxRounds rounds of tools the model is asked once more with tool_choice none, so it answers with what
            // it has. The tools stay declared: Anthropic rejects a history with tool_use blocks and no tools.
            var offerTools = round < maxRounds;
            var fitted = ContextWindow.Fit(system, history, current, budget, ToolDeclarations.Tokens);
            if (fitted.DroppedTurns > 0)
            {
                LogDropped(_logger, conversationId, fitted.DroppedTurns);
            }

            var chatOptions = new ChatOptions
            {
                ModelId = options.Name,
                MaxOutputTokens = options.MaxOutputTokens,
                Tools = [.. ToolDeclarations.All],
                ToolMode = offerTools ? ChatToolMode.Auto : ChatToolMode.None,
            };
            var calls = new List<FunctionCallContent>();
            var text = new StringBuilder();
            UsageDetails? usage = null;
            await foreach (var update in chat.GetStreamingResponseAsync(fitted.Messages, chatOptions, cancellationToken))
            {
                foreach (var content in update.Contents)
                {
                    if (content is FunctionCallContent call)
                    {
                        calls.Add(call);
                    }
                    else if (content is UsageContent used)
                    {
                        usage = used.Details;
                    }
                }

                if (!string.IsNullOrEmpty(update.Text))
                {
                    // Text of a later round ("It is 21:00.") must not run into an earlier one ("Let me check."),
                    // and the deltas must still add up to the answer exactly.
                    if (text.Length == 0 && answer.Length > 0 && !char.IsWhiteSpace(answer[^1]))
                    {
                        text.Append("\n\n");
                        yield return new ModelUpdate("\n\n", null);
                    }

                    text.Append(update.Text);
                    yield return new ModelUpdate(update.Text, null);
                }
            }

            // The provider's counts when it reports them; the estimate otherwise (a fake, or a server without usage).
            var prompt = usage?.InputTokenCount ?? fitted.EstimatedTokens;
            input += prompt;
            output += usage?.OutputTokenCount ?? (TokenEstimator.Estimate(text.ToString()) + calls.Sum(c => TokenEstimator.Estimate(new ChatMessage(ChatRole.Assistant, [c]))));
            // Capped at 1: a prompt over the window (one huge question) is "full"; the provider rejects it anyway.
            utilisation = Math.Min(1, Math.Max(utilisation, prompt / (double)options.ContextWindowTokens));
            answer.Append(text);
            if (calls.Count == 0)
            {
                break;
            }

            if (!offerTools)
            {
                // Asked for tools after being told not to: the cap holds, and the text so far is the answer.
                _metrics.ToolRoundCapHits.Add(1);
                LogRoundCap(_logger, conversationId, maxRounds);
                notes.Add($"the model wanted more than {maxRounds} rounds of tools");
                break;
            }

            List<AIContent> asked = [.. text.Length > 0 ? [new TextContent(text.ToString())] : Array.Empty<AIContent>(), .. calls];
            current.Add(new ChatMessage(ChatRole.Assistant, asked));
            var results = await _tools.RunRoundAsync([.. calls.Select(ToToolCall)], cancellationToken);
            current.Add(new ChatMessage(ChatRole.Tool, [.. results.Select((r, i) => (AIContent)new FunctionResultContent(calls[i].CallId, ResultText(r, sources)))]));
            notes.AddRange(results.Where(r => r.Note is not null).Select(r => r.Note!));
        }

        Record(input, output, utilisation);
        Remember(conversationId, system, history, message, current, answer.ToString(), budget);
        yield return new ModelUpdate(null, new ModelResult(answer.ToString(), sources, notes.Count == 0 ? null : notes.Distinct().ToList(), input, output));
    }

    /// <summary>Counts and logs a failed model call; the turn decides what the user sees.</summary>
    public void Failed(Exception exception, string conversationId)
    {
        var kind = ModelCallException.KindOf(exception);
        _metrics.ModelErrors.Add(1, new KeyValuePair<string, object?>("kind", kind));
        LogFailed(_logger, exception, conversationId, kind);
    }

    private string SystemPrompt()
    {
        var agent = _agentOptions.Value;
        return agent.SystemPrompt + "\n\n" +
            $"Tools: {ToolNames.KnowledgeBaseSearch} searches the knowledge base and returns numbered passages; {ToolNames.Clock} tells the current time in a time zone. " +
            $"Cite passages as [n]. When no passage answers the question, say you don't know and suggest {agent.HumanContact}.";
    }

    private static string WithPassages(string message, IReadOnlyList<SearchHit> found, List<SearchHit> sources)
    {
        if (found.Count == 0)
        {
            return $"(No knowledge-base passage matched this question; search with other words or say you don't know.)\n\n{message}";
        }

        var text = new StringBuilder("Context passages:\n");
        foreach (var hit in found)
        {
            text.Append('[').Append(Number(hit, sources)).Append("] ").Append(hit.Passage.Section).Append(": ").Append(hit.Passage.Text).Append('\n');
        }

        return text.Append('\n').Append(message).ToString();
    }

    // Passages are numbered once per turn; the same passage found twice keeps its number.
    private static int Number(SearchHit hit, List<SearchHit> sources)
    {
        var index = sources.FindIndex(s => s.Passage == hit.Passage);
        if (index < 0)
        {
            sources.Add(hit);
            return sources.Count;
        }

        return index + 1;
    }

    private static ToolCall ToToolCall(FunctionCallContent call) =>
        new(call.Name, (call.Arguments ?? new Dictionary<string, object?>()).ToDictionary(
            a => a.Key,
            a => a.Value switch
            {
                JsonElement { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
                JsonElement other => other.GetRawText(),
                var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            },
            StringComparer.Ordinal));

    // What the model reads back: search hits renumbered for citation, the clock's JSON as is, a degraded call as its note.
    private static string ResultText(ToolResult result, List<SearchHit> sources)
    {
        if (result.Output is not { } output)
        {
            return Object("error", result.Note ?? "the tool did not answer");
        }

        if (result.Call.Name != ToolNames.KnowledgeBaseSearch)
        {
            return ModelHttp.Relaxed(output);
        }

        var hits = KnowledgeBaseSearchTool.ReadHits(output);
        if (hits.Count == 0)
        {
            return """{"passages":[],"note":"nothing relevant found"}""";
        }

        var text = new StringBuilder();
        foreach (var hit in hits)
        {
            text.Append('[').Append(Number(hit, sources)).Append("] ").Append(hit.Passage.Section).Append(": ").Append(hit.Passage.Text).Append('\n');
        }

        return Object("passages", text.ToString());
    }

    private static string Object(string name, string value)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ModelHttp.ModelJson))
        {
            json.WriteStartObject();
            json.WriteString(name, value);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void Record(long input, long output, double utilisation)
    {
        _metrics.ModelTokens.Add(input, new KeyValuePair<string, object?>("direction", "input"));
        _metrics.ModelTokens.Add(output, new KeyValuePair<string, object?>("direction", "output"));
        _metrics.ContextWindowUtilisation.Record(utilisation);
        if (_options.Value.Price is { } price)
        {
            var cost = (double)price.Cost(input, output);
            _metrics.TurnCost.Record(cost);
            _metrics.Cost.Add(cost);
        }
    }

    // The stored history is itself trimmed to the window, so a long conversation costs bounded memory.
    private void Remember(string conversationId, ChatMessage system, IReadOnlyList<ChatMessage> history, string message, List<ChatMessage> current, string answer, int budget)
    {
        List<ChatMessage> turn = [new(ChatRole.User, message), .. current.Skip(1)];
        if (answer.Length > 0)
        {
            turn.Add(new ChatMessage(ChatRole.Assistant, answer));
        }

        var kept = ContextWindow.Fit(system, [.. history, .. turn], [], budget);
        _conversations.Save(conversationId, [.. kept.Messages.Skip(1)]);
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "The model failed for conversation {ConversationId}: {Kind}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string conversationId, string kind);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Dropped the {Turns} oldest turns of conversation {ConversationId} to fit the context window")]
    private static partial void LogDropped(ILogger logger, string conversationId, int turns);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "The model of conversation {ConversationId} asked for tools after {MaxRounds} rounds; stopped")]
    private static partial void LogRoundCap(ILogger logger, string conversationId, int maxRounds);
}
