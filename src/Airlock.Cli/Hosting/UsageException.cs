namespace Airlock.Cli.Hosting;

/// <summary>Bad input on the command line: reported with a hint and exit code 2.</summary>
internal sealed class UsageException(string message, string? hint = null) : Exception(message)
{
    public string? Hint { get; } = hint;
}
