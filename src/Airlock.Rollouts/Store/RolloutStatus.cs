namespace Airlock.Rollouts.Store;

/// <summary>
/// Where a rollout is. <paramref name="StepIndex"/> is the canary step being run (finished steps are below it, so a
/// resumed controller never repeats one); <paramref name="StepStartedAt"/> lets a resumed pause run only its remainder.
/// </summary>
/// <param name="Revision">Bumped on every write (compare-and-swap).</param>
/// <param name="Message">The latest human-readable status line.</param>
public sealed record RolloutStatus(
    RolloutPhase Phase,
    int StepIndex,
    int CandidateWeight,
    DateTimeOffset? StepStartedAt,
    bool PausedByUser,
    string? WaitingForApproval,
    string Message,
    DateTimeOffset UpdatedAt,
    long Revision);
