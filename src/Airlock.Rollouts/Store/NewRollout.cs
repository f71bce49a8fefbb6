namespace Airlock.Rollouts.Store;

/// <summary>A rollout as requested: the candidate, what it replaces, the spec it runs under (JSON), and who forced what.</summary>
/// <param name="SpecJson">The deployment spec as JSON, frozen at request time (the spec is kept apart from status).</param>
/// <param name="ForceReason">Set when preflight failures were overridden with <c>--force</c>; the audit trail keeps it.</param>
public sealed record NewRollout(string Service, string Candidate, string? Stable, string SpecJson, string? ForceReason, DateTimeOffset CreatedAt);
