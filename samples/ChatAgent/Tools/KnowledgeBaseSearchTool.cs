using System.Text.Json;
using ChatAgent.KnowledgeBase;
using Microsoft.Extensions.Options;

namespace ChatAgent.Tools;

/// <summary>BM25 search over the loaded knowledge base, returning only passages that clear the configured relevance bars.</summary>
internal sealed class KnowledgeBaseSearchTool(KnowledgeBaseStore knowledgeBase, IOptions<KnowledgeBaseOptions> options) : IAgentTool
{
    public const string QueryArgument = "query";

    private const int MaxQueryLength = 2000;

    public string Name => ToolNames.KnowledgeBaseSearch;

    public string? ValidateArguments(IReadOnlyDictionary<string, string> arguments)
    {
        if (!arguments.TryGetValue(QueryArgument, out var query) || string.IsNullOrWhiteSpace(query))
        {
            return "no search query was given";
        }

        return query.Length > MaxQueryLength ? $"a search query is at most {MaxQueryLength} characters" : null;
    }

    public Task<string> InvokeAsync(IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        var snapshot = knowledgeBase.Current ?? throw new InvalidOperationException("The knowledge base is not loaded yet.");
        var hits = ExtractiveAnswerer.Relevant(snapshot.Index, arguments[QueryArgument], options.Value)
            .Select(h => new SearchToolHit(h.Passage.Source, h.Passage.Title, h.Passage.Section, h.Passage.Text, h.Score))
            .ToList();
        return Task.FromResult(JsonSerializer.Serialize(new SearchToolResult(hits), ToolJsonContext.Default.SearchToolResult));
    }

    public string? ValidateResult(JsonElement result)
    {
        if (!result.TryGetProperty("hits", out var hits) || hits.ValueKind != JsonValueKind.Array)
        {
            return "no 'hits' list";
        }

        foreach (var hit in hits.EnumerateArray())
        {
            if (hit.ValueKind != JsonValueKind.Object
                || !IsString(hit, "source") || !IsString(hit, "title") || !IsString(hit, "section") || !IsString(hit, "text")
                || !hit.TryGetProperty("score", out var score) || score.ValueKind != JsonValueKind.Number)
            {
                return "a hit without source, title, section, text and score";
            }
        }

        return null;
    }

    /// <summary>Reads a result that passed <see cref="ValidateResult"/> back into search hits for the extractive answerer.</summary>
    public static IReadOnlyList<SearchHit> ReadHits(JsonElement result) =>
        [.. result.GetProperty("hits").EnumerateArray().Select(h => new SearchHit(
            new Passage(h.GetProperty("source").GetString()!, h.GetProperty("title").GetString()!, h.GetProperty("section").GetString()!, h.GetProperty("text").GetString()!),
            h.GetProperty("score").GetDouble(),
            MatchedTerms: 1,
            QueryTerms: 1))];

    private static bool IsString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String;
}
