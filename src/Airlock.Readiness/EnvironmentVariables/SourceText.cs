namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// A source file with its comments blanked out (same length, newlines kept) so reads in comments are not
/// counted and offsets still map to the right line. String literals are kept: names are read from them.
/// </summary>
internal sealed partial class SourceText
{
    private readonly int[] _lineStarts;
    private readonly bool[] _inString;

    public SourceText(string path, string text, SourceLanguage language)
    {
        ArgumentNullException.ThrowIfNull(text);
        Path = path;
        Language = language;
        Text = CommentMask.Mask(text, language, out _inString);
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public string Path { get; }

    public SourceLanguage Language { get; }

    public string Text { get; }

    /// <summary>True when <paramref name="index"/> is inside a string literal: a read written in text is not a read.</summary>
    public bool IsInString(int index) => index >= 0 && index < _inString.Length && _inString[index];

    public int LineOf(int index)
    {
        var found = Array.BinarySearch(_lineStarts, index);
        return (found >= 0 ? found : ~found - 1) + 1;
    }

    /// <summary>The text from <paramref name="index"/> to the end of the line <paramref name="lines"/> lines further on.</summary>
    public string Following(int index, int lines)
    {
        var end = index;
        for (var n = 0; n <= lines && end < Text.Length; n++)
        {
            var next = Text.IndexOf('\n', end);
            end = next < 0 ? Text.Length : next + 1;
        }

        return Text[index..end];
    }

    /// <summary>The text of the current line (and the one before) up to <paramref name="index"/>.</summary>
    public string Preceding(int index)
    {
        var start = index;
        for (var n = 0; n < 2 && start > 0; n++)
        {
            var previous = Text.LastIndexOf('\n', start - 1);
            start = previous < 0 ? 0 : previous;
        }

        return Text[start..index];
    }

    /// <summary>
    /// True when the expression at <paramref name="index"/> (<paramref name="length"/> characters) is written, not read:
    /// assigned (<c>= v</c>, not <c>==</c> or <c>=&gt;</c>) or removed by <paramref name="deleteKeyword"/> (<c>del</c>, <c>delete</c>).
    /// </summary>
    public bool IsWrite(int index, int length, string? deleteKeyword = null)
    {
        var rest = Text.AsSpan(index + length).TrimStart();
        return rest.Length > 1 && rest[0] == '=' && rest[1] is not ('=' or '>')
            || (deleteKeyword is not null && Text.AsSpan(0, index).TrimEnd().EndsWith(deleteKeyword, StringComparison.Ordinal));
    }

    /// <summary>An expression as evidence shows it: white space runs folded to one space.</summary>
    public static string Compact(string expression) => WhiteSpace().Replace(expression, " ").Trim();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex WhiteSpace();
}
