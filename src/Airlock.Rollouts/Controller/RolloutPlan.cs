using System.Collections.Immutable;
using Airlock.Core.Deployment;

namespace Airlock.Rollouts.Controller;

/// <summary>
/// What a rollout runs under, frozen when it was requested and stored as its spec (apart from its status): the
/// deployment description, the environment added for this revision (for example a fault switch), and whether it is
/// an undo (back to the previous stable: no preflight, no canary steps).
/// </summary>
public sealed record RolloutPlan(DeploymentSpec Spec, ImmutableDictionary<string, string> Environment, bool IsUndo = false);
