namespace Airlock.Rollouts.Controller;

/// <summary>
/// A rollout event as webhooks receive it. <paramref name="Kind"/>: one of <see cref="Airlock.Core.Deployment.WebhookEvents"/>
/// (mapped from the ledger's kinds by <see cref="WebhookEventNames"/>).
/// </summary>
public sealed record RolloutEvent(string Kind, long RolloutId, string Service, string Candidate, string? Stable, int CandidateWeight, string Message, DateTimeOffset At);
