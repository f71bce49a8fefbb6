using Airlock.Core.Config;

namespace Airlock.Readiness.Secrets.Rules;

/// <summary>
/// A rule configuration that cannot be used: a TOML syntax error, a bad field, or a regex that does not
/// compile. The message names the file, line and column (when known) and ends with a hint.
/// </summary>
public sealed class SecretRulesException : Exception, IConfigErrorSource
{
    public SecretRulesException(string message, string? file, int line, int column = 0, string? hint = null)
        : base(Format(message, file, line, column, hint))
    {
        Detail = message;
        File = file;
        Line = line;
        Column = column;
        Hint = hint;
    }

    public SecretRulesException()
    {
    }

    public SecretRulesException(string message)
        : base(message)
    {
    }

    public SecretRulesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The rules file, or null for rules built in code.</summary>
    public string? File { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    public string? Hint { get; }

    /// <summary>The message without its location.</summary>
    public string? Detail { get; }

    public IReadOnlyList<ConfigError> ConfigErrors =>
        [new ConfigError(new ConfigLocation(File ?? "<rules>", Line, Column), Detail ?? Message, Hint)];

    private static string Format(string message, string? file, int line, int column, string? hint)
    {
        var location = (file ?? "<rules>") + (line > 0 ? $":{line}" : string.Empty) + (line > 0 && column > 0 ? $":{column}" : string.Empty);
        return hint is null ? $"{location}: {message}" : $"{location}: {message} (hint: {hint})";
    }
}
