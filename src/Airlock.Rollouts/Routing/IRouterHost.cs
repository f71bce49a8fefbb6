namespace Airlock.Rollouts.Routing;

/// <summary>Starts the router process for a route that no router serves yet, with that route as its first table.</summary>
public interface IRouterHost
{
    Task EnsureRunningAsync(RouteState initial, CancellationToken cancellationToken);
}
