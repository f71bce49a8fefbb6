using System.Collections.Immutable;

namespace Airlock.Rollouts.Api;

/// <summary><c>POST /api/rollouts</c>.</summary>
public sealed record DeployBody(string? Revision, ImmutableDictionary<string, string>? Environment, bool Force, string? Reason);
