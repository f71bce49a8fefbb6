using System.Collections.Frozen;

namespace ChatAgent.KnowledgeBase;

/// <summary>
/// Okapi BM25 over passages, built once and read-only afterwards, so searches need no locks.
/// Scores are comparable within one index only; the relevance threshold is tuned per knowledge base.
/// </summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Passage[] _passages;
    private readonly FrozenDictionary<string, int>[] _termCounts;
    private readonly int[] _lengths;
    private readonly FrozenDictionary<string, double> _idf;
    private readonly double _averageLength;

    public Bm25Index(IEnumerable<Passage> passages)
    {
        _passages = [.. passages];
        _termCounts = new FrozenDictionary<string, int>[_passages.Length];
        _lengths = new int[_passages.Length];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _passages.Length; i++)
        {
            // Title and heading words count as passage words: "Rate limits" is what every paragraph under it is about.
            var passage = _passages[i];
            var heading = passage.Title == passage.Section ? passage.Section : passage.Title + " " + passage.Section;
            var tokens = Tokenizer.Tokenize(heading + " " + passage.Text);
            _lengths[i] = tokens.Count;
            var counts = tokens.CountBy(t => t).ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            _termCounts[i] = counts;
            foreach (var term in counts.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        _averageLength = _passages.Length == 0 ? 0 : _lengths.Average();
        var n = _passages.Length;
        _idf = documentFrequency.ToFrozenDictionary(
            p => p.Key,
            p => Math.Log(1 + ((n - p.Value + 0.5) / (p.Value + 0.5))),
            StringComparer.Ordinal);
    }

    public int Count => _passages.Length;

    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        var terms = Tokenizer.Tokenize(query).Distinct(StringComparer.Ordinal).ToArray();
        if (terms.Length == 0 || _passages.Length == 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        for (var i = 0; i < _passages.Length; i++)
        {
            var score = 0.0;
            var matched = 0;
            foreach (var term in terms)
            {
                if (!_termCounts[i].TryGetValue(term, out var frequency))
                {
                    continue;
                }

                matched++;
                var norm = K1 * (1 - B + (B * _lengths[i] / _averageLength));
                score += _idf[term] * (frequency * (K1 + 1)) / (frequency + norm);
            }

            if (matched > 0)
            {
                hits.Add(new SearchHit(_passages[i], score, matched, terms.Length));
            }
        }

        // Ties keep corpus order, so answers are stable from run to run.
        return [.. hits.OrderByDescending(h => h.Score).Take(limit)];
    }
}
