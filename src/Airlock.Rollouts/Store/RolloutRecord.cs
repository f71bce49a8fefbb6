namespace Airlock.Rollouts.Store;

public sealed record RolloutRecord(
    long Id,
    string Service,
    string Candidate,
    string? Stable,
    string SpecJson,
    string? ForceReason,
    DateTimeOffset CreatedAt,
    RolloutStatus Status);
