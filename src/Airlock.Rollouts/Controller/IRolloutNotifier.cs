namespace Airlock.Rollouts.Controller;

/// <summary>Where rollout events go besides the ledger. Publishing never blocks and never fails the rollout.</summary>
public interface IRolloutNotifier
{
    void Publish(RolloutEvent rolloutEvent);
}
