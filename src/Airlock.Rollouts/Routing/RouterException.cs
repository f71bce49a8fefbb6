namespace Airlock.Rollouts.Routing;

/// <summary>The router refused a change, could not be reached, or did not serve what was applied.</summary>
public sealed class RouterException : Exception
{
    public RouterException()
    {
    }

    public RouterException(string message)
        : base(message)
    {
    }

    public RouterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
