using Airlock.Proxy.Draining;
using Airlock.Proxy.Telemetry;

namespace Airlock.Proxy.Admin;

/// <summary>One revision's counters since start and latency quantiles (seconds) as the admin API reports them.</summary>
internal sealed record RevisionSnapshot(
    string Name,
    int? Weight,
    string State,
    long Requests,
    long InFlight,
    IReadOnlyDictionary<string, long> Responses,
    long Errors,
    long TransportFailures,
    long ClientAborts,
    long BytesIn,
    long BytesOut,
    LatencySnapshot Latency,
    LatencySnapshot TimeToFirstByte,
    IReadOnlyList<FingerprintCount> Fingerprints)
{
    public static RevisionSnapshot From(RevisionTelemetry revision, int? weight, DrainState state)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return new RevisionSnapshot(
            revision.Revision,
            weight,
            StateName(state),
            revision.Requests,
            revision.InFlight,
            Enumerable.Range(1, 5).ToDictionary(c => $"{c}xx", revision.ResponsesOfClass, StringComparer.Ordinal),
            revision.Errors,
            revision.TransportFailures,
            revision.ClientAborts,
            revision.BytesIn,
            revision.BytesOut,
            LatencySnapshot.From(revision.Latency),
            LatencySnapshot.From(revision.TimeToFirstByte),
            revision.Fingerprints.Totals());
    }

    /// <summary>The contract's spelling of a <see cref="DrainState"/>.</summary>
    public static string StateName(DrainState state) => state switch
    {
        DrainState.Serving => "serving",
        DrainState.Draining => "draining",
        DrainState.Drained => "drained",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown drain state"),
    };
}
