namespace ChatAgent.Guard;

/// <summary>Words for the verbatim comparison: runs of letters and digits, lower case, with where each starts.</summary>
internal static class PromptWordReader
{
    public static IEnumerable<(string Word, int Start)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                yield return (text[start..i].ToLowerInvariant(), start);
            }
        }
    }
}
