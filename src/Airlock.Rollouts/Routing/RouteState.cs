using System.Collections.Immutable;

namespace Airlock.Rollouts.Routing;

/// <summary>A route's revisions and weights at one router version (an immutable snapshot).</summary>
/// <param name="Salt">The assignment salt; per rollout, so the same users are not the canary every time.</param>
public sealed record RouteState(string Route, long Version, string Salt, ImmutableArray<RouteRevision> Revisions);
