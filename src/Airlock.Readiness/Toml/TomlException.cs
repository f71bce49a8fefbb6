namespace Airlock.Readiness.Toml;

/// <summary>A syntax error in a TOML file, at a 1-based line and column.</summary>
internal sealed class TomlException : Exception
{
    public TomlException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public TomlException()
    {
    }

    public TomlException(string message)
        : base(message)
    {
    }

    public TomlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }

    public int Column { get; }
}
