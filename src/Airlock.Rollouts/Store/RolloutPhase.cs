namespace Airlock.Rollouts.Store;

/// <summary>Explicit phases of the rollout state machine; the last five are terminal.</summary>
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
}
