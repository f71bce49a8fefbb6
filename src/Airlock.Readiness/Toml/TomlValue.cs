namespace Airlock.Readiness.Toml;

/// <summary>
/// One parsed TOML value with where it was written. <see cref="Value"/> is a <see cref="string"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, a <see cref="TomlDateTime"/>, a list of values or a <see cref="TomlTable"/>.
/// </summary>
internal sealed record TomlValue(object Value, int Line, int Column)
{
    public string TypeName => Value switch
    {
        string => "string",
        long => "integer",
        double => "float",
        bool => "boolean",
        TomlDateTime => "date-time",
        IReadOnlyList<TomlValue> => "array",
        TomlTable => "table",
        _ => Value.GetType().Name,
    };
}
