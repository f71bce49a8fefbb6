namespace Airlock.Rollouts.Routing;

/// <summary>One revision of a route. <paramref name="State"/> is the router's view: serving, draining or drained.</summary>
public sealed record RouteRevision(string Name, Uri Upstream, int Weight, string State = "serving");
