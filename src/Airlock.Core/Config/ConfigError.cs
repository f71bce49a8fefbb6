namespace Airlock.Core.Config;

/// <summary>One problem in a configuration file: where, what, and how to fix it.</summary>
public sealed record ConfigError(ConfigLocation Location, string Message, string? Hint = null)
{
    public override string ToString() =>
        Hint is null ? $"{Location}: {Message}" : $"{Location}: {Message} (hint: {Hint})";
}
