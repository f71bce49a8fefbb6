using Airlock.Rollouts.Store;

namespace Airlock.Cli.Demo;

/// <summary>One rollout of the demo as it ended, with its whole ledger.</summary>
internal sealed record DemoRollout(RolloutRecord Record, IReadOnlyList<LedgerEntry> Ledger)
{
    public RolloutPhase Phase => Record.Status.Phase;

    public string Candidate => Record.Candidate;

    public LedgerEntry? First(string kind) => Ledger.FirstOrDefault(entry => entry.Kind == kind);

    public TimeSpan Duration => Ledger.Count == 0 ? TimeSpan.Zero : Ledger[^1].At - Ledger[0].At;
}
