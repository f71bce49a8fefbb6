using System.Collections.Immutable;

namespace Airlock.Rollouts.Controller;

/// <summary>
/// A request to roll out <paramref name="Revision"/>. <paramref name="Force"/> lets a rollout past failed Blocks
/// Launch rows of the preflight rubric, and then needs a <paramref name="Reason"/>, which the audit trail keeps.
/// </summary>
public sealed record DeployRequest(string Revision, ImmutableDictionary<string, string> Environment, bool Force = false, string? Reason = null);
