using System.Text;

namespace Airlock.Readiness.Dependencies;

/// <summary>
/// Just enough TOML for pyproject.toml, Pipfile and Cargo.toml: tables, and keys with their raw values (multi-line
/// arrays joined). No TOML library is served here; anything this reader does not understand is left out, never thrown.
/// </summary>
internal sealed class TomlTables
{
    private readonly Dictionary<string, Dictionary<string, (string Value, int Line)>> _tables = new(StringComparer.Ordinal);

    private TomlTables()
    {
    }

    /// <summary>Table names as written in headers (<c>project</c>, <c>tool.poetry.dependencies</c>, <c>[[bin]]</c> as <c>bin</c>).</summary>
    public IEnumerable<string> Names => _tables.Keys;

    public static TomlTables Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var toml = new TomlTables();
        var table = toml.Table(string.Empty);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]).Trim();
            if (line.StartsWith('['))
            {
                table = toml.Table(line.Trim('[', ']', ' ').Replace("\"", string.Empty, StringComparison.Ordinal).Trim());
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim().Trim('"', '\'');
            var value = new StringBuilder(line[(equals + 1)..].Trim());
            var start = i;
            while (Depth(value.ToString()) > 0 && i + 1 < lines.Length)
            {
                value.Append(' ').Append(StripComment(lines[++i]).Trim());
            }

            table[key] = (value.ToString(), start + 1);
        }

        return toml;
    }

    public bool HasTable(string name) => _tables.ContainsKey(name);

    /// <summary>The raw value of a key (quotes kept), or null.</summary>
    public string? Raw(string table, string key) =>
        _tables.TryGetValue(table, out var keys) && keys.TryGetValue(key, out var entry) ? entry.Value : null;

    public int? LineOf(string table, string key) =>
        _tables.TryGetValue(table, out var keys) && keys.TryGetValue(key, out var entry) ? entry.Line : null;

    /// <summary>The value of a string key without its quotes, or null.</summary>
    public string? String(string table, string key) => Raw(table, key) is { } raw ? Unquote(raw) : null;

    public IReadOnlyCollection<string> Keys(string table) =>
        _tables.TryGetValue(table, out var keys) ? keys.Keys : [];

    /// <summary>The string items of an array value (<c>["a", "b"]</c>).</summary>
    public IReadOnlyList<string> Array(string table, string key)
    {
        if (Raw(table, key) is not { } raw || !raw.StartsWith('['))
        {
            return [];
        }

        var items = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in raw)
        {
            if (quote is null && c is '"' or '\'')
            {
                quote = c;
                current.Clear();
            }
            else if (c == quote)
            {
                quote = null;
                items.Add(current.ToString());
            }
            else if (quote is not null)
            {
                current.Append(c);
            }
        }

        return items;
    }

    public static string Unquote(string raw)
    {
        var value = raw.Trim();
        return value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;
    }

    private Dictionary<string, (string Value, int Line)> Table(string name)
    {
        if (!_tables.TryGetValue(name, out var table))
        {
            table = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
            _tables[name] = table;
        }

        return table;
    }

    private static int Depth(string value)
    {
        var depth = 0;
        char? quote = null;
        foreach (var c in value)
        {
            if (quote is null && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = null;
            }
            else if (quote is null)
            {
                depth += c switch { '[' or '{' => 1, ']' or '}' => -1, _ => 0 };
            }
        }

        return depth;
    }

    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = null;
            }
            else if (quote is null && c == '#')
            {
                return line[..i];
            }
        }

        return line;
    }
}
