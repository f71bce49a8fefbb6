namespace Airlock.Readiness.Toml;

/// <summary>A TOML table: keys in the order written, each with its value and position.</summary>
internal sealed class TomlTable
{
    private readonly Dictionary<string, TomlValue> _values = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public TomlTable(int line, int column, bool isInline = false)
    {
        Line = line;
        Column = column;
        IsInline = isInline;
    }

    /// <summary>Where the table was opened (its header, or the first key that implied it).</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>Inline tables are closed once written: no header or dotted key may add to them.</summary>
    public bool IsInline { get; }

    /// <summary>True once a <c>[header]</c> defined it, so a second header for it is an error.</summary>
    public bool DefinedByHeader { get; set; }

    public IEnumerable<string> Keys => _order;

    public bool TryGetValue(string key, out TomlValue value) => _values.TryGetValue(key, out value!);

    /// <summary>The table at a dotted path of bare keys (<c>tool.poetry.dependencies</c>), or null when any step is absent or not a table.</summary>
    public TomlTable? Table(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var table = this;
        foreach (var key in path.Split('.'))
        {
            if (table is null || !table.TryGetValue(key, out var value))
            {
                return null;
            }

            table = value.Value as TomlTable;
        }

        return table;
    }

    /// <summary>The value of <paramref name="key"/> when it is a string, or null.</summary>
    public TomlValue? String(string key) => TryGetValue(key, out var value) && value.Value is string ? value : null;

    /// <summary>The string items of the array at <paramref name="key"/>; empty when absent or not an array.</summary>
    public IReadOnlyList<string> Strings(string key) =>
        TryGetValue(key, out var value) && value.Value is List<TomlValue> items ? [.. items.Select(i => i.Value).OfType<string>()] : [];

    public void Add(string key, TomlValue value)
    {
        _values.Add(key, value);
        _order.Add(key);
    }
}
