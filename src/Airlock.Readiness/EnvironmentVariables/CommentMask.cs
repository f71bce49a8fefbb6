namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// Blanks comments (and Python triple-quoted strings, which are mostly docstrings) while stepping over
/// string literals, so that <c>"http://x"</c> is not a comment and <c>// os.environ["X"]</c> is not a read.
/// </summary>
internal static class CommentMask
{
    /// <summary>
    /// Returns the masked text and, in <paramref name="inString"/>, which characters sit inside a string literal.
    /// JavaScript template literals are not marked: <c>${process.env.X}</c> inside them is code.
    /// </summary>
    public static string Mask(string text, SourceLanguage language, out bool[] inString)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        var strings = new bool[chars.Length];
        var i = 0;
        while (i < chars.Length)
        {
            var next = language == SourceLanguage.Python ? StepPython(chars, i) : StepCurly(chars, i, language);
            if (IsStringStart(chars, i, language) && next > i + 1)
            {
                Array.Fill(strings, true, i, Math.Min(next, chars.Length) - i);
            }

            i = next;
        }

        inString = strings;
        return new string(chars);
    }

    private static bool IsStringStart(char[] c, int i, SourceLanguage language) =>
        c[i] is '"' or '\''
        || (language == SourceLanguage.CSharp && c[i] == '@' && At(c, i + 1) == '"');

    private static int StepCurly(char[] c, int i, SourceLanguage language)
    {
        var ch = c[i];
        if (ch == '/' && At(c, i + 1) == '/')
        {
            return Blank(c, i, LineEnd(c, i));
        }

        if (ch == '/' && At(c, i + 1) == '*')
        {
            var close = IndexOf(c, "*/", i + 2);
            return Blank(c, i, close < 0 ? c.Length : close + 2);
        }

        if (language == SourceLanguage.CSharp && ch == '"' && At(c, i + 1) == '"' && At(c, i + 2) == '"')
        {
            var close = IndexOf(c, "\"\"\"", i + 3);
            return close < 0 ? c.Length : close + 3;
        }

        if (language == SourceLanguage.CSharp && ch == '@' && At(c, i + 1) == '"')
        {
            // Verbatim string: no escapes, "" is a quote.
            var j = i + 2;
            while (j < c.Length && !(c[j] == '"' && At(c, j + 1) != '"'))
            {
                j += c[j] == '"' ? 2 : 1;
            }

            return j + 1;
        }

        if (ch == '"' || ch == '\'' || (ch == '`' && language == SourceLanguage.JavaScript))
        {
            return SkipQuoted(c, i, ch, multiline: ch == '`');
        }

        return i + 1;
    }

    private static int StepPython(char[] c, int i)
    {
        var ch = c[i];
        if (ch == '#')
        {
            return Blank(c, i, LineEnd(c, i));
        }

        if ((ch == '"' || ch == '\'') && At(c, i + 1) == ch && At(c, i + 2) == ch)
        {
            var close = IndexOf(c, new string(ch, 3), i + 3);
            var end = close < 0 ? c.Length : close + 3;
            Blank(c, i + 3, Math.Max(i + 3, end - 3));
            return end;
        }

        return ch == '"' || ch == '\'' ? SkipQuoted(c, i, ch, multiline: false) : i + 1;
    }

    private static int SkipQuoted(char[] c, int i, char quote, bool multiline)
    {
        var j = i + 1;
        while (j < c.Length && c[j] != quote && (multiline || c[j] != '\n'))
        {
            j += c[j] == '\\' ? 2 : 1;
        }

        return Math.Min(j + 1, c.Length);
    }

    private static int Blank(char[] c, int from, int to)
    {
        for (var k = from; k < to && k < c.Length; k++)
        {
            if (c[k] != '\n' && c[k] != '\r')
            {
                c[k] = ' ';
            }
        }

        return Math.Max(to, from + 1);
    }

    private static int LineEnd(char[] c, int i)
    {
        var end = Array.IndexOf(c, '\n', i);
        return end < 0 ? c.Length : end;
    }

    private static int IndexOf(char[] c, string value, int from) =>
        from >= c.Length ? -1 : c.AsSpan(from).IndexOf(value.AsSpan(), StringComparison.Ordinal) is var k and >= 0 ? from + k : -1;

    private static char At(char[] c, int i) => i < c.Length ? c[i] : '\0';
}
