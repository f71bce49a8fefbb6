using System.Globalization;
using System.Text;

namespace Airlock.Readiness.Toml;

/// <summary>
/// Parses TOML for rule configs and manifests (pyproject.toml, Pipfile, Cargo.toml): tables, arrays of tables,
/// dotted and quoted keys, the four string forms, integers, floats, booleans, arrays, inline tables and, when
/// asked, dates and times (kept as written). Rule configs reject dates: none has one, so a date there is a typo.
/// No TOML library is available here, hence this reader; errors carry line and column.
/// </summary>
internal sealed partial class TomlParser
{
    private readonly string _text;
    private readonly bool _acceptDates;

    // Arrays created by [[header]]s: only these may be appended to by a later [[header]].
    private readonly HashSet<List<TomlValue>> _tableArrays = new(ReferenceEqualityComparer.Instance);
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private TomlParser(string text, bool acceptDates)
    {
        _text = text;
        _acceptDates = acceptDates;
    }

    /// <summary>Parses <paramref name="text"/>; a date or time is a <see cref="TomlDateTime"/> when <paramref name="acceptDates"/>, else an error.</summary>
    /// <exception cref="TomlException">The text is not TOML this parser reads.</exception>
    public static TomlTable Parse(string text, bool acceptDates = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TomlParser(text, acceptDates).ParseDocument();
    }

    private int Column => _position - _lineStart + 1;

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private TomlTable ParseDocument()
    {
        var root = new TomlTable(1, 1);
        var current = root;
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _position = 1;
            _lineStart = 1;
        }

        while (true)
        {
            SkipWhitespaceCommentsAndNewlines();
            if (AtEnd)
            {
                return root;
            }

            if (Current == '[')
            {
                current = ParseHeader(root);
            }
            else
            {
                ParseKeyValue(current);
            }

            ExpectEndOfLine();
        }
    }

    private TomlTable ParseHeader(TomlTable root)
    {
        int line = _line, column = Column;
        var isArray = Peek(1) == '[';
        _position += isArray ? 2 : 1;
        SkipSpaces();
        var keys = ParseKey();
        SkipSpaces();
        if (!Consume(']') || (isArray && !Consume(']')))
        {
            throw Error(isArray ? "expected ']]' to close the array-of-tables header" : "expected ']' to close the table header");
        }

        var table = root;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            table = Descend(table, keys[i], line, column);
        }

        var last = keys[^1];
        if (isArray)
        {
            var element = new TomlTable(line, column) { DefinedByHeader = true };
            if (!table.TryGetValue(last, out var existing))
            {
                var created = new List<TomlValue> { new(element, line, column) };
                _tableArrays.Add(created);
                table.Add(last, new TomlValue(created, line, column));
            }
            else if (existing.Value is List<TomlValue> list && _tableArrays.Contains(list))
            {
                list.Add(new TomlValue(element, line, column));
            }
            else
            {
                throw new TomlException($"'{last}' is already defined (line {existing.Line}) as a {existing.TypeName}, not an array of tables", line, column);
            }

            return element;
        }

        if (!table.TryGetValue(last, out var value))
        {
            var created = new TomlTable(line, column) { DefinedByHeader = true };
            table.Add(last, new TomlValue(created, line, column));
            return created;
        }

        if (value.Value is TomlTable { IsInline: false, DefinedByHeader: false } implicitTable)
        {
            implicitTable.DefinedByHeader = true;
            return implicitTable;
        }

        throw new TomlException($"table '{string.Join('.', keys)}' is already defined at line {value.Line}", line, column);
    }

    /// <summary>Walks one key of a header or dotted key, creating an implicit table when absent.</summary>
    private TomlTable Descend(TomlTable table, string key, int line, int column)
    {
        if (!table.TryGetValue(key, out var value))
        {
            var created = new TomlTable(line, column);
            table.Add(key, new TomlValue(created, line, column));
            return created;
        }

        return value.Value switch
        {
            TomlTable { IsInline: false } nested => nested,
            List<TomlValue> list when _tableArrays.Contains(list) => (TomlTable)list[^1].Value,
            _ => throw new TomlException($"'{key}' is already defined at line {value.Line} as a {value.TypeName}", line, column),
        };
    }

    private void ParseKeyValue(TomlTable table)
    {
        int line = _line, column = Column;
        var keys = ParseKey();
        SkipSpaces();
        if (!Consume('='))
        {
            throw Error($"expected '=' after key '{string.Join('.', keys)}'");
        }

        SkipSpaces();
        var value = ParseValue();
        var target = table;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            target = Descend(target, keys[i], line, column);
        }

        if (target.TryGetValue(keys[^1], out var existing))
        {
            throw new TomlException($"duplicate key '{string.Join('.', keys)}' (first defined at line {existing.Line})", line, column);
        }

        target.Add(keys[^1], value);
    }

    private List<string> ParseKey()
    {
        var keys = new List<string>();
        while (true)
        {
            SkipSpaces();
            if (AtEnd)
            {
                throw Error("expected a key");
            }

            if (Current is '"' or '\'')
            {
                keys.Add(Current == '"' ? ParseBasicString() : ParseLiteralString());
            }
            else
            {
                var start = _position;
                while (!AtEnd && IsBareKeyChar(Current))
                {
                    _position++;
                }

                if (start == _position)
                {
                    throw Error($"unexpected '{Describe()}': expected a key");
                }

                keys.Add(_text[start.._position]);
            }

            SkipSpaces();
            if (!Consume('.'))
            {
                return keys;
            }
        }
    }

    private static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private TomlValue ParseValue()
    {
        int line = _line, column = Column;
        if (AtEnd)
        {
            throw Error("expected a value");
        }

        object value = Current switch
        {
            '"' => StartsWith("\"\"\"") ? ParseMultilineBasicString() : ParseBasicString(),
            '\'' => StartsWith("'''") ? ParseMultilineLiteralString() : ParseLiteralString(),
            '[' => ParseArray(),
            '{' => ParseInlineTable(line, column),
            't' when StartsWith("true") => ConsumeWord("true", true),
            'f' when StartsWith("false") => ConsumeWord("false", false),
            _ => ParseNumber(),
        };
        return new TomlValue(value, line, column);
    }

    private object ConsumeWord(string word, object value)
    {
        _position += word.Length;
        return value;
    }

    private List<TomlValue> ParseArray()
    {
        _position++;
        var items = new List<TomlValue>();
        while (true)
        {
            SkipWhitespaceCommentsAndNewlines();
            if (AtEnd)
            {
                throw Error("unterminated array: expected ']'");
            }

            if (Consume(']'))
            {
                return items;
            }

            items.Add(ParseValue());
            SkipWhitespaceCommentsAndNewlines();
            if (Consume(','))
            {
                continue;
            }

            if (Consume(']'))
            {
                return items;
            }

            throw Error($"unexpected '{Describe()}' in array: expected ',' or ']'");
        }
    }

    private TomlTable ParseInlineTable(int line, int column)
    {
        _position++;
        var table = new TomlTable(line, column, isInline: true);
        SkipSpaces();
        if (Consume('}'))
        {
            return table;
        }

        while (true)
        {
            ParseKeyValue(table);
            SkipSpaces();
            if (Consume('}'))
            {
                return table;
            }

            if (!Consume(','))
            {
                throw Error($"unexpected '{Describe()}' in inline table: expected ',' or '}}'");
            }

            SkipSpaces();
        }
    }

    private object ParseNumber()
    {
        var start = _position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current is '+' or '-' or '.' or '_' or ':'))
        {
            _position++;
        }

        var token = _text[start.._position];
        if (token.Length == 0)
        {
            throw Error($"unexpected '{Describe()}': expected a value (a quoted string, number, true/false, array or table)");
        }

        if (DatePattern().IsMatch(token))
        {
            return ParseDateTime(token, start);
        }

        if (TryParseNumber(token, out var number))
        {
            return number;
        }

        throw new TomlException($"invalid value '{token}': strings must be quoted", _line, start - _lineStart + 1);
    }

    private TomlDateTime ParseDateTime(string token, int start)
    {
        if (!_acceptDates)
        {
            throw new TomlException($"dates are not supported in rule files: '{token}'", _line, start - _lineStart + 1);
        }

        // RFC 3339 lets a space stand for the T between the date and the time.
        if (FullDatePattern().IsMatch(token) && !AtEnd && Current == ' ' && TimeStartPattern().IsMatch(_text.AsSpan(_position + 1)))
        {
            _position++;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current is '+' or '-' or '.' or ':'))
            {
                _position++;
            }

            token = _text[start.._position];
        }

        return DateTimePattern().IsMatch(token)
            ? new TomlDateTime(token)
            : throw new TomlException($"invalid date or time '{token}'", _line, start - _lineStart + 1);
    }

    private static bool TryParseNumber(string token, out object number)
    {
        number = 0L;
        if (token is "inf" or "+inf" or "-inf" or "nan" or "+nan" or "-nan")
        {
            number = token.EndsWith("nan", StringComparison.Ordinal) ? double.NaN
                : token[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (token.Contains("__", StringComparison.Ordinal) || token.StartsWith('_') || token.EndsWith('_'))
        {
            return false;
        }

        var clean = token.Replace("_", string.Empty, StringComparison.Ordinal);
        if (clean.Length > 2 && clean[0] == '0' && clean[1] is 'x' or 'o' or 'b')
        {
            var radix = clean[1] switch { 'x' => 16, 'o' => 8, _ => 2 };
            try
            {
                number = Convert.ToInt64(clean[2..], radix);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        var isFloat = clean.Contains('.', StringComparison.Ordinal) || clean.Contains('e', StringComparison.OrdinalIgnoreCase);
        if (!isFloat && long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            number = integer;
            return true;
        }

        if (isFloat && !clean.StartsWith('.') && !clean.EndsWith('.')
            && double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            number = real;
            return true;
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}")]
    private static partial System.Text.RegularExpressions.Regex DatePattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial System.Text.RegularExpressions.Regex FullDatePattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{2}:\d{2}")]
    private static partial System.Text.RegularExpressions.Regex TimeStartPattern();

    // Offset date-time, local date-time, local date or local time (TOML 1.0; seconds optional as in TOML 1.1).
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?|\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$")]
    private static partial System.Text.RegularExpressions.Regex DateTimePattern();

    private string ParseLiteralString()
    {
        _position++;
        var start = _position;
        while (!AtEnd && Current != '\'')
        {
            if (Current is '\n' or '\r')
            {
                throw Error("unterminated string: a '...' string ends on its line");
            }

            _position++;
        }

        if (AtEnd)
        {
            throw Error("unterminated string: expected '");
        }

        var value = _text[start.._position];
        _position++;
        return value;
    }

    private string ParseMultilineLiteralString()
    {
        int line = _line, column = Column;
        _position += 3;
        SkipOneNewline();
        var start = _position;
        var end = _text.IndexOf("'''", _position, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new TomlException("unterminated ''' string", line, column);
        }

        // Up to two quotes right before the closing delimiter belong to the content.
        var quotes = CountQuotesAt(end);
        end += Math.Min(quotes, 5) - 3;
        AdvanceTo(end);
        _position += 3;
        return _text[start..end];
    }

    private int CountQuotesAt(int index)
    {
        var count = 0;
        while (index + count < _text.Length && _text[index + count] == '\'')
        {
            count++;
        }

        return count;
    }

    private string ParseBasicString()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current is '\n' or '\r')
            {
                throw Error("unterminated string: expected '\"' before the end of the line");
            }

            var c = Current;
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                ParseEscape(builder);
            }
            else
            {
                builder.Append(c);
                _position++;
            }
        }
    }

    private string ParseMultilineBasicString()
    {
        int line = _line, column = Column;
        _position += 3;
        SkipOneNewline();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new TomlException("unterminated \"\"\" string", line, column);
            }

            if (StartsWith("\"\"\""))
            {
                var quotes = 0;
                while (_position + quotes < _text.Length && _text[_position + quotes] == '"' && quotes < 5)
                {
                    quotes++;
                }

                builder.Append('"', quotes - 3);
                _position += quotes;
                return builder.ToString();
            }

            var c = Current;
            if (c == '\\')
            {
                if (IsLineEndingBackslash())
                {
                    _position++;
                    SkipWhitespaceAndNewlines();
                    continue;
                }

                ParseEscape(builder);
                continue;
            }

            if (c == '\n')
            {
                NewLine();
            }
            else
            {
                _position++;
            }

            builder.Append(c);
        }
    }

    private bool IsLineEndingBackslash()
    {
        var i = _position + 1;
        while (i < _text.Length && _text[i] is ' ' or '\t')
        {
            i++;
        }

        return i >= _text.Length || _text[i] is '\n' or '\r';
    }

    private void ParseEscape(StringBuilder builder)
    {
        int line = _line, column = Column;
        _position++;
        if (AtEnd)
        {
            throw new TomlException("unterminated escape sequence", line, column);
        }

        var e = Current;
        _position++;
        switch (e)
        {
            case 'b': builder.Append('\b'); break;
            case 't': builder.Append('\t'); break;
            case 'n': builder.Append('\n'); break;
            case 'f': builder.Append('\f'); break;
            case 'r': builder.Append('\r'); break;
            case 'e': builder.Append('\u001b'); break;
            case '"': builder.Append('"'); break;
            case '\\': builder.Append('\\'); break;
            case 'u':
            case 'U':
                var length = e == 'u' ? 4 : 8;
                if (_position + length > _text.Length
                    || !int.TryParse(_text.AsSpan(_position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                {
                    throw new TomlException($"invalid \\{e} escape: expected {length} hex digits of a Unicode scalar value", line, column);
                }

                builder.Append(char.ConvertFromUtf32(code));
                _position += length;
                break;
            default:
                throw new TomlException(
                    $"invalid escape '\\{e}' in a \"...\" string; hint: write regexes in '''...''' (literal) strings, where backslashes are kept as-is",
                    line,
                    column);
        }
    }

    private void SkipOneNewline()
    {
        if (StartsWith("\r\n"))
        {
            _position++;
        }

        if (!AtEnd && Current == '\n')
        {
            NewLine();
        }
    }

    private void AdvanceTo(int index)
    {
        while (_position < index)
        {
            if (Current == '\n')
            {
                NewLine();
            }
            else
            {
                _position++;
            }
        }
    }

    private void NewLine()
    {
        _position++;
        _line++;
        _lineStart = _position;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && Current is ' ' or '\t')
        {
            _position++;
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (!AtEnd && Current is ' ' or '\t' or '\r' or '\n')
        {
            if (Current == '\n')
            {
                NewLine();
            }
            else
            {
                _position++;
            }
        }
    }

    private void SkipWhitespaceCommentsAndNewlines()
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            if (AtEnd || Current != '#')
            {
                return;
            }

            SkipComment();
        }
    }

    private void SkipComment()
    {
        while (!AtEnd && Current != '\n')
        {
            _position++;
        }
    }

    private void ExpectEndOfLine()
    {
        SkipSpaces();
        if (AtEnd)
        {
            return;
        }

        if (Current == '#')
        {
            SkipComment();
            return;
        }

        if (StartsWith("\r\n") || Current == '\n')
        {
            return;
        }

        throw Error($"unexpected '{Describe()}' after a value: expected the end of the line");
    }

    private bool Consume(char c)
    {
        if (!AtEnd && Current == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private char? Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : null;

    private bool StartsWith(string value) => string.CompareOrdinal(_text, _position, value, 0, value.Length) == 0;

    private string Describe() => AtEnd ? "end of file" : Current switch
    {
        '\n' or '\r' => "end of line",
        _ => Current.ToString(),
    };

    private TomlException Error(string message) => new(message, _line, Column);
}
