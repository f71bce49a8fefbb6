using System.Globalization;
using System.Text;

namespace Airlock.Readiness.Secrets.Engine;

/// <summary>
/// Rewrites a Go RE2 pattern (what gitleaks configs are written in) into an equivalent .NET pattern.
/// Where the two differ: RE2's <c>\d \w \s</c> and POSIX classes are ASCII-only; <c>$</c> without
/// <c>(?m)</c> means end of text only; <c>\x{...}</c>, <c>\Q...\E</c>, <c>(?P&lt;name&gt;)</c> and
/// octal escapes have other spellings; a <c>[</c> inside a class is literal (in .NET it can start a
/// subtraction). Named groups become plain groups so that group numbers stay RE2's (left to right).
/// </summary>
internal static class Re2Translator
{
    private const string Digit = "0-9";
    private const string Word = "0-9A-Za-z_";
    private const string Space = @"\t\n\f\r ";

    public static string Translate(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var output = new StringBuilder(pattern.Length + 16);
        var multiline = new Stack<bool>();
        var currentMultiline = false;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    i = TranslateEscape(pattern, i, output, inClass: false);
                    continue;
                case '[':
                    i = TranslateClass(pattern, i, output);
                    continue;
                case '$':
                    output.Append(currentMultiline ? "$" : "\\z");
                    break;
                case '(':
                    var outer = currentMultiline;
                    i = TranslateGroupOpening(pattern, i, output, ref currentMultiline, out var flagsOnly);
                    if (!flagsOnly)
                    {
                        multiline.Push(outer);
                    }

                    continue;
                case ')':
                    currentMultiline = multiline.Count > 0 ? multiline.Pop() : throw Invalid(pattern, i, "unexpected )");
                    output.Append(')');
                    break;
                default:
                    output.Append(c);
                    break;
            }

            i++;
        }

        return output.ToString();
    }

    /// <summary>
    /// Copies a group's opening. <paramref name="flagsOnly"/> is set for <c>(?flags)</c>, which has no body:
    /// its flags hold to the end of the enclosing group, so it is not pushed as a group.
    /// </summary>
    private static int TranslateGroupOpening(string pattern, int i, StringBuilder output, ref bool multiline, out bool flagsOnly)
    {
        flagsOnly = false;
        if (i + 1 >= pattern.Length || pattern[i + 1] != '?')
        {
            output.Append('(');
            return i + 1;
        }

        // (?P<name>re) and (?<name>re): keep the group, drop the name (see the class comment).
        if (At(pattern, i + 2, "P<") || (At(pattern, i + 2, "<") && !At(pattern, i + 2, "<=") && !At(pattern, i + 2, "<!")))
        {
            var close = pattern.IndexOf('>', i);
            if (close < 0)
            {
                throw Invalid(pattern, i, "unterminated group name");
            }

            output.Append('(');
            return close + 1;
        }

        // Flags: (?flags) or (?flags:re), flags from "imsU" with an optional '-'.
        var j = i + 2;
        var negate = false;
        var flags = new StringBuilder();
        var m = multiline;
        while (j < pattern.Length && pattern[j] is not (')' or ':'))
        {
            var f = pattern[j];
            switch (f)
            {
                case '-':
                    negate = true;
                    break;
                case 'i' or 's':
                    break;
                case 'm':
                    m = !negate;
                    break;
                case 'U':
                    throw Invalid(pattern, j, "the ungreedy flag (?U) is not supported; write lazy quantifiers (*?, +?) instead");
                default:
                    throw Invalid(pattern, j, $"unknown or unsupported group flag '{f}'");
            }

            flags.Append(f);
            j++;
        }

        if (j >= pattern.Length)
        {
            throw Invalid(pattern, i, "unterminated group");
        }

        output.Append("(?").Append(flags).Append(pattern[j]);
        multiline = m;
        flagsOnly = pattern[j] == ')';
        return j + 1;
    }

    private static int TranslateEscape(string pattern, int i, StringBuilder output, bool inClass)
    {
        if (i + 1 >= pattern.Length)
        {
            throw Invalid(pattern, i, "trailing backslash");
        }

        var e = pattern[i + 1];
        switch (e)
        {
            case 'd':
                output.Append(inClass ? Digit : "[" + Digit + "]");
                return i + 2;
            case 'D':
                output.Append(inClass ? @"\D" : "[^" + Digit + "]");
                return i + 2;
            case 'w':
                output.Append(inClass ? Word : "[" + Word + "]");
                return i + 2;
            case 'W':
                output.Append(inClass ? @"\W" : "[^" + Word + "]");
                return i + 2;
            case 's':
                output.Append(inClass ? Space : "[" + Space + "]");
                return i + 2;
            case 'S':
                output.Append(inClass ? @"\S" : "[^" + Space + "]");
                return i + 2;
            case 'x' when i + 2 < pattern.Length && pattern[i + 2] == '{':
                {
                    var close = pattern.IndexOf('}', i);
                    if (close < 0 || !int.TryParse(pattern.AsSpan(i + 3, close - i - 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Invalid(pattern, i, "bad \\x{...} escape");
                    }

                    AppendCodePoint(pattern, i, code, output);
                    return close + 1;
                }

            case 'Q':
                {
                    var end = pattern.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
                    foreach (var ch in literal)
                    {
                        AppendCodePoint(pattern, i, ch, output);
                    }

                    return end < 0 ? pattern.Length : end + 2;
                }

            case 'p' or 'P' when i + 2 < pattern.Length && pattern[i + 2] != '{':
                output.Append('\\').Append(e).Append('{').Append(pattern[i + 2]).Append('}');
                return i + 3;
            case >= '0' and <= '7':
                {
                    var j = i + 1;
                    var value = 0;
                    while (j < pattern.Length && j < i + 4 && pattern[j] is >= '0' and <= '7')
                    {
                        value = (value * 8) + (pattern[j] - '0');
                        j++;
                    }

                    if (e != '0' && j == i + 2)
                    {
                        throw Invalid(pattern, i, "backreferences are not supported by RE2");
                    }

                    AppendCodePoint(pattern, i, value, output);
                    return j;
                }

            case 'z' or 'A' or 'b' or 'B' or 'a' or 'f' or 't' or 'n' or 'r' or 'v' or 'x' or 'p' or 'P':
                output.Append('\\').Append(e);
                return i + 2;
            case 'C':
                throw Invalid(pattern, i, "\\C (any byte) is not supported");
            default:
                if (char.IsAsciiLetterOrDigit(e))
                {
                    throw Invalid(pattern, i, $"unknown escape \\{e}");
                }

                if (e == '_' || e > 127)
                {
                    output.Append(e);
                }
                else
                {
                    output.Append('\\').Append(e);
                }

                return i + 2;
        }
    }

    private static void AppendCodePoint(string pattern, int at, int code, StringBuilder output)
    {
        if (code > 0xFFFF)
        {
            throw Invalid(pattern, at, "code points above U+FFFF are not supported in rule regexes");
        }

        output.Append(CultureInfo.InvariantCulture, $"\\u{code:X4}");
    }

    private static int TranslateClass(string pattern, int i, StringBuilder output)
    {
        output.Append('[');
        var j = i + 1;
        if (j < pattern.Length && pattern[j] == '^')
        {
            output.Append('^');
            j++;
        }

        var first = true;
        while (true)
        {
            if (j >= pattern.Length)
            {
                throw Invalid(pattern, i, "missing closing ]");
            }

            var c = pattern[j];
            if (c == ']' && !first)
            {
                output.Append(']');
                return j + 1;
            }

            first = false;
            if (c == '[' && At(pattern, j, "[:"))
            {
                var close = pattern.IndexOf(":]", j + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    output.Append(PosixClass(pattern, j, pattern[(j + 2)..close]));
                    j = close + 2;
                    continue;
                }
            }

            switch (c)
            {
                case '\\':
                    j = TranslateEscape(pattern, j, output, inClass: true);
                    continue;
                case '[' or ']':
                    output.Append('\\').Append(c);
                    break;
                default:
                    output.Append(c);
                    break;
            }

            j++;
        }
    }

    private static string PosixClass(string pattern, int at, string name) => name switch
    {
        "alnum" => "0-9A-Za-z",
        "alpha" => "A-Za-z",
        "ascii" => @"\x00-\x7F",
        "blank" => @"\t ",
        "cntrl" => @"\x00-\x1F\x7F",
        "digit" => Digit,
        "graph" => "!-~",
        "lower" => "a-z",
        "print" => " -~",
        "punct" => @"!-/:-@\[-`{-~",
        "space" => @"\t\n\v\f\r ",
        "upper" => "A-Z",
        "word" => Word,
        "xdigit" => "0-9A-Fa-f",
        "^digit" => @"\D",
        "^space" => @"\S",
        "^word" => @"\W",
        _ => throw Invalid(pattern, at, $"unsupported POSIX class [:{name}:]"),
    };

    private static bool At(string pattern, int index, string value) =>
        index + value.Length <= pattern.Length && string.CompareOrdinal(pattern, index, value, 0, value.Length) == 0;

    private static ArgumentException Invalid(string pattern, int index, string message) =>
        new($"{message} (at offset {index} of the pattern)", nameof(pattern));
}
