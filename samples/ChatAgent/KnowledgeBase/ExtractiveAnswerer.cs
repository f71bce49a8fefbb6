using System.Text;
using System.Text.RegularExpressions;

namespace ChatAgent.KnowledgeBase;

/// <summary>
/// Answers by quoting: the passages that clear the relevance bar, and from each the sentences that share most
/// terms with the question. It never writes a sentence of its own, so it cannot state something the knowledge base does not.
/// </summary>
internal static partial class ExtractiveAnswerer
{
    private const int SentencesPerPassage = 2;

    // A second passage is only quoted when it is nearly as relevant as the best one; otherwise it adds noise.
    private const double SecondaryScoreRatio = 0.6;

    public static IReadOnlyList<SearchHit> Relevant(Bm25Index index, string question, KnowledgeBaseOptions options)
    {
        var hits = index.Search(question, options.MaxPassages * 4)
            .Where(h => h.Score >= options.MinScore
                && h.TermCoverage >= options.MinTermCoverage
                && h.MatchedTerms >= Math.Min(options.MinMatchedTerms, h.QueryTerms))
            .ToList();
        if (hits.Count == 0)
        {
            return [];
        }

        var best = hits[0].Score;
        return [.. hits.Where(h => h.Score >= best * SecondaryScoreRatio).Take(options.MaxPassages)];
    }

    public static ExtractiveAnswer Answer(Bm25Index index, string question, KnowledgeBaseOptions options) =>
        Compose(question, Relevant(index, question, options));

    /// <summary>Quotes from passages already judged relevant (by <see cref="Relevant"/>, directly or through the search tool).</summary>
    public static ExtractiveAnswer Compose(string question, IReadOnlyList<SearchHit> sources)
    {
        if (sources.Count == 0)
        {
            return new ExtractiveAnswer(null, []);
        }

        var questionTerms = Tokenizer.Tokenize(question).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        for (var i = 0; i < sources.Count; i++)
        {
            var sentences = SentencePattern().Split(sources[i].Passage.Text).Where(s => s.Length > 0).ToArray();
            var chosen = sentences
                .Select((sentence, position) => (sentence, position, overlap: Tokenizer.Tokenize(sentence).Count(questionTerms.Contains)))
                .Where(s => s.overlap > 0)
                .OrderByDescending(s => s.overlap)
                .ThenBy(s => s.position)
                .Take(SentencesPerPassage)
                .OrderBy(s => s.position)
                .Select(s => s.sentence.Trim())
                .ToList();
            if (chosen.Count == 0)
            {
                // The passage matched through its heading only: its opening sentence is what the heading introduces.
                chosen.Add(sentences[0].Trim());
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.AppendJoin(' ', chosen).Append(" [").Append(i + 1).Append(']');
        }

        return new ExtractiveAnswer(text.ToString(), sources);
    }

    // Splits after ., ! or ? followed by white space; good enough for prose written for this knowledge base.
    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentencePattern();
}
