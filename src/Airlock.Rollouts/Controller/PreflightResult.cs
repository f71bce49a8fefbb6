using System.Collections.Immutable;

namespace Airlock.Rollouts.Controller;

/// <summary>The rubric's verdict for a rollout: the failed Blocks Launch rows (id and summary) and row counts.</summary>
public sealed record PreflightResult(ImmutableArray<PreflightFailure> BlockingFailures, int Rows, int Failed)
{
    public bool Blocked => !BlockingFailures.IsEmpty;
}
