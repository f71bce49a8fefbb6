namespace Airlock.Browser;

/// <summary>The browser could not be started: missing, bad options, or it never opened its DevTools endpoint.</summary>
public sealed class BrowserLaunchException : Exception
{
    public BrowserLaunchException()
    {
    }

    public BrowserLaunchException(string message)
        : base(message)
    {
    }

    public BrowserLaunchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
