namespace ChatAgent.KnowledgeBase;

/// <summary>An answer made of sentences quoted from the knowledge base, or none when nothing was relevant enough.</summary>
/// <param name="Text">The quoted sentences with [n] markers, or null for "I don't know".</param>
internal sealed record ExtractiveAnswer(string? Text, IReadOnlyList<SearchHit> Sources);
