using System.Collections.Immutable;

namespace Airlock.Core.Config;

/// <summary>A configuration file that cannot be used; carries every error found, not just the first.</summary>
public sealed class ConfigException : Exception, IConfigErrorSource
{
    public ConfigException()
        : this([])
    {
    }

    public ConfigException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public ConfigException(IEnumerable<ConfigError> errors)
        : this([.. errors])
    {
    }

    private ConfigException(ImmutableArray<ConfigError> errors)
        : base(errors.IsDefaultOrEmpty ? "Invalid configuration." : string.Join(Environment.NewLine, errors))
    {
        Errors = errors.IsDefault ? [] : errors;
    }

    public ImmutableArray<ConfigError> Errors { get; }

    IReadOnlyList<ConfigError> IConfigErrorSource.ConfigErrors => Errors;
}
