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

    /// <summary>
    /// Why, as a stable code: the proxy's problem code (<c>stale_version</c>, <c>store_conflict</c>,
    /// <c>invalid_routes</c>, <c>unauthorized</c>), or <c>unreachable</c>, <c>not_applied</c>, <c>bad_answer</c>.
    /// </summary>
    public string? Code { get; init; }
}
