namespace ChatAgent.KnowledgeBase;

/// <param name="MatchedTerms">How many distinct query terms the passage contains.</param>
/// <param name="QueryTerms">How many distinct terms the query has after stop words are dropped.</param>
internal sealed record SearchHit(Passage Passage, double Score, int MatchedTerms, int QueryTerms)
{
    public double TermCoverage => (double)MatchedTerms / QueryTerms;
}
