using System.Collections.Frozen;

namespace ChatAgent.KnowledgeBase;

/// <summary>Lower-cases, splits on anything that is not a letter or digit, drops stop words and folds simple plurals.</summary>
internal static class Tokenizer
{
    // Words that carry no topic: matching them would let "how do I ..." match every passage.
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "could", "do", "does", "for", "from", "had", "has",
        "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our",
        "should", "so", "that", "the", "their", "then", "there", "these", "they", "this", "to", "us", "was", "we",
        "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your", "am", "been", "get",
        "did", "any", "all", "about", "than", "them", "too", "very", "just", "there", "here", "please", "tell",
    ]);

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                AddToken(tokens, text[start..i]);
                start = -1;
            }
        }

        return tokens;
    }

    private static void AddToken(List<string> tokens, string word)
    {
        var token = word.ToLowerInvariant();
        if (token.Length < 2 || StopWords.Contains(token))
        {
            return;
        }

        tokens.Add(Fold(token));
    }

    // A crude plural fold so "limits" finds "limit"; a real stemmer is not worth its weight for a small corpus.
    private static string Fold(string token)
    {
        if (token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal))
        {
            return token[..^3] + "y";
        }

        if (token.Length > 3 && token[^1] == 's' && token[^2] is not ('s' or 'u' or 'i'))
        {
            return token[..^1];
        }

        return token;
    }
}
