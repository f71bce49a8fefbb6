namespace Airlock.Browser;

/// <summary>A DevTools command failed, timed out, or the connection to the browser closed.</summary>
public sealed class DevToolsException : Exception
{
    public DevToolsException()
    {
    }

    public DevToolsException(string message)
        : base(message)
    {
    }

    public DevToolsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
