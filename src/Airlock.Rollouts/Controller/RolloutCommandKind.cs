namespace Airlock.Rollouts.Controller;

/// <summary>What a person (through the CLI or the dashboard) asks of the current rollout.</summary>
public enum RolloutCommandKind
{
    /// <summary>Skip the current step; with <c>full</c>, skip every remaining step and promote now.</summary>
    Promote,

    /// <summary>Pass the approval gate the rollout waits at.</summary>
    Approve,

    /// <summary>Hold the current step; analysis and automatic rollback go on.</summary>
    Pause,
    Resume,

    /// <summary>Send all traffic back to stable now.</summary>
    Abort,

    /// <summary>After a promote: back to the previous stable revision.</summary>
    Undo,
}
