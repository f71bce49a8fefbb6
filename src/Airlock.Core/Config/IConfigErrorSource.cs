namespace Airlock.Core.Config;

/// <summary>
/// An exception caused by a file or option the user must fix (not by a bug): the CLI prints its errors with
/// their locations and hints and exits with the configuration-error code, and the rubric never turns it
/// into a skipped row.
/// </summary>
public interface IConfigErrorSource
{
    IReadOnlyList<ConfigError> ConfigErrors { get; }
}
