namespace Airlock.Rollouts.Controller;

/// <summary>
/// A rollout event as webhooks receive it. <paramref name="Kind"/>: started, step, paused, approval_waiting,
/// promoted, rolled_back, aborted, holding, failed.
/// </summary>
public sealed record RolloutEvent(string Kind, long RolloutId, string Service, string Candidate, string? Stable, int CandidateWeight, string Message, DateTimeOffset At);
