namespace Airlock.Proxy.Routing;

/// <summary>Where one request goes and why.</summary>
/// <param name="IssuedUserKey">A random user key created for a first-time visitor, to be set as a cookie; else null.</param>
internal sealed record RoutingDecision(Route Route, Revision Revision, DecisionReason Reason, string? IssuedUserKey);
