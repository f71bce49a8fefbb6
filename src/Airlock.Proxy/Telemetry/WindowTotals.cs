namespace Airlock.Proxy.Telemetry;

/// <summary>One revision's counts and latencies over a window of the last seconds, summed from the window's slots.</summary>
internal sealed class WindowTotals
{
    /// <summary>Indexed by <see cref="RequestOutcome"/>.</summary>
    public long[] Outcomes { get; } = new long[RequestOutcomes.Count];

    /// <summary>Indexed by <see cref="FingerprintTable"/> index.</summary>
    public long[] Fingerprints { get; } = new long[FingerprintTable.Slots];

    public LatencySketch Latency { get; } = new();

    public LatencySketch TimeToFirstByte { get; } = new();

    /// <summary>Requests that ended in the window, whatever the outcome.</summary>
    public long Requests => Outcomes.Sum();

    public long TransportFailures => Outcomes[(int)RequestOutcome.TransportFailure];

    public long ResponsesOfClass(int statusClass) => Outcomes[statusClass];

    /// <summary>5xx answers plus transport failures: what counts against the revision.</summary>
    public long Errors => Outcomes[(int)RequestOutcome.ServerError] + TransportFailures;

    /// <summary>Errors over requests that ended in the window; null when none did (no data is not a rate of 0).</summary>
    public double? ErrorRate => Requests == 0 ? null : (double)Errors / Requests;
}
