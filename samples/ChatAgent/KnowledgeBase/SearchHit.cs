namespace ChatAgent.KnowledgeBase;

/// <param name="TermCoverage">Share of the query's distinct terms found in the passage (0-1).</param>
internal sealed record SearchHit(Passage Passage, double Score, double TermCoverage);
