namespace Airlock.Rollouts.Store;

/// <summary>
/// Explicit phases of the rollout state machine. Terminal: Promoted, RolledBack, Aborted, Failed, Superseded
/// (<see cref="RolloutPhases.IsTerminal"/>). New phases are added at the end: the store may keep the number.
/// </summary>
public enum RolloutPhase
{
    Pending,
    Preflight,
    Starting,
    HealthGate,
    Verifying,
    Stepping,
    Promoting,

    /// <summary>Rollback was needed but stable is itself unhealthy: hold the current weights and say so.</summary>
    Holding,
    RollingBack,
    Promoted,
    RolledBack,
    Aborted,
    Failed,
    Superseded,

    /// <summary>A person asked to abort: traffic goes back to stable, then the rollout ends as Aborted.</summary>
    Aborting,
}
