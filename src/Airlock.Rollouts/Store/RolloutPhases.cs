namespace Airlock.Rollouts.Store;

public static class RolloutPhases
{
    public static bool IsTerminal(this RolloutPhase phase) => phase is
        RolloutPhase.Promoted or RolloutPhase.RolledBack or RolloutPhase.Aborted or RolloutPhase.Failed or RolloutPhase.Superseded;

    /// <summary>Phases in which the candidate may be receiving traffic, so leaving them needs a router update.</summary>
    public static bool MayHaveTraffic(this RolloutPhase phase) => phase is
        RolloutPhase.Stepping or RolloutPhase.Promoting or RolloutPhase.Holding or RolloutPhase.RollingBack or RolloutPhase.Aborting;
}
