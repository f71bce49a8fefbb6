using Airlock.Core.Config;

namespace Airlock.Readiness.Secrets;

/// <summary>
/// A configuration error of the secrets check (a malformed baseline, an invalid <c>secrets.allowPaths</c>
/// regex, an unreadable rules file): the user must fix a file, so the CLI exits with its config-error code.
/// </summary>
public sealed class SecretsConfigException : Exception, IConfigErrorSource
{
    public SecretsConfigException()
    {
    }

    public SecretsConfigException(string message)
        : base(message)
    {
    }

    public SecretsConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SecretsConfigException(ConfigLocation location, string message, Exception? innerException = null)
        : base($"{location}: {message}", innerException)
    {
        Location = location;
        Detail = message;
    }

    /// <summary>The file (and line, when known) to fix.</summary>
    public ConfigLocation? Location { get; }

    /// <summary>The message without its location.</summary>
    public string? Detail { get; }

    public IReadOnlyList<ConfigError> ConfigErrors => InnerException is IConfigErrorSource inner
        ? inner.ConfigErrors
        : [new ConfigError(Location ?? new ConfigLocation("secrets", 0, 0), Detail ?? Message)];
}
