namespace Airlock.Readiness.Live;

/// <summary>The run has sent <c>live.max_requests</c> requests; the row that asked for more fails with this.</summary>
internal sealed class LiveBudgetExhaustedException(int max) : Exception($"the run reached live.max_requests ({max}); no more requests are sent")
{
    public int Max { get; } = max;
}
