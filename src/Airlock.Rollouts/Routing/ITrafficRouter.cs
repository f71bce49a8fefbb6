namespace Airlock.Rollouts.Routing;

/// <summary>
/// Sets a route's revisions and weights and verifies the change was applied. Implementations: Airlock's proxy (admin
/// API); HAProxy's runtime API later.
/// </summary>
public interface ITrafficRouter
{
    /// <summary>The route as the router serves it now.</summary>
    Task<RouteState> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="desired"/> (its <see cref="RouteState.Version"/> must be the serving one) and returns the
    /// state read back afterwards; throws <see cref="RouterException"/> when the router refused it or did not apply it.
    /// </summary>
    Task<RouteState> ApplyAsync(RouteState desired, CancellationToken cancellationToken);
}
