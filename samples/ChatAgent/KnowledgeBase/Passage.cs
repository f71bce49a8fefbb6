namespace ChatAgent.KnowledgeBase;

/// <summary>One retrievable unit: a paragraph of a knowledge-base file with the heading it sits under.</summary>
/// <param name="Source">File path relative to the knowledge-base folder, with forward slashes.</param>
internal sealed record Passage(string Source, string Title, string Section, string Text);
