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

    // A light suffix fold (plurals, -ing, -ed, final e) so "limits", "embedding" and "changed" find "limit", "embed"
    // and "change". Both the corpus and the question go through it, so a stem only has to be consistent, not a word.
    // A full stemmer is not worth its weight for a small knowledge base.
    private static string Fold(string token)
    {
        if (token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal))
        {
            token = token[..^3] + "y";
        }
        else if (token.Length > 3 && token[^1] == 's' && token[^2] is not ('s' or 'u' or 'i'))
        {
            token = token[..^1];
        }

        var stripped = token.EndsWith("ing", StringComparison.Ordinal) && token.Length - 3 >= 4 ? token[..^3]
            : token.EndsWith("ed", StringComparison.Ordinal) && token.Length - 2 >= 4 ? token[..^2]
            : null;
        if (stripped is not null)
        {
            // "embedd" -> "embed", "logg" -> "log"; l, s and z stay doubled ("call", "pass", "buzz").
            token = stripped[^1] == stripped[^2] && "bdgmnprt".Contains(stripped[^1], StringComparison.Ordinal) ? stripped[..^1] : stripped;
        }

        return token.Length > 4 && token[^1] == 'e' ? token[..^1] : token;
    }
}
