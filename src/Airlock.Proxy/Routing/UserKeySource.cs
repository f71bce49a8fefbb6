namespace Airlock.Proxy.Routing;

/// <summary>
/// Where the sticky user key is read from: a header (an authenticated user id set by a front end) is tried first,
/// then a cookie. When a cookie is configured, a first-time visitor gets a random id in it.
/// </summary>
internal sealed record UserKeySource(string? Header, string? Cookie)
{
    public static UserKeySource Default { get; } = new(null, "airlock_uid");
}
