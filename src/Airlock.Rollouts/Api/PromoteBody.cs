namespace Airlock.Rollouts.Api;

/// <summary><c>POST /api/rollouts/current/promote</c>: <c>full</c> skips every remaining step.</summary>
public sealed record PromoteBody(bool Full);
