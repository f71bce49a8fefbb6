namespace ChatAgent.Tools;

/// <summary>One passage in the knowledge-base search tool's result.</summary>
internal sealed record SearchToolHit(string Source, string Title, string Section, string Text, double Score);
