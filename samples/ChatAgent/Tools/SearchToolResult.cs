namespace ChatAgent.Tools;

/// <summary>The knowledge-base search tool's result: the passages that clear the relevance bars, best first.</summary>
internal sealed record SearchToolResult(IReadOnlyList<SearchToolHit> Hits);
