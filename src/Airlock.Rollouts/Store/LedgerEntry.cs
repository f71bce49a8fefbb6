namespace Airlock.Rollouts.Store;

/// <summary>One append-only audit record: an event or a decision, with its evidence as JSON.</summary>
public sealed record LedgerEntry(long Sequence, long RolloutId, DateTimeOffset At, string Kind, string Message, string? EvidenceJson);
