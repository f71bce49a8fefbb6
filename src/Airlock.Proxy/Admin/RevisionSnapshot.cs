using Airlock.Proxy.Telemetry;

namespace Airlock.Proxy.Admin;

/// <summary>One revision's counters and latency quantiles (seconds) as the admin API reports them.</summary>
internal sealed record RevisionSnapshot(
    string Name,
    int? Weight,
    long Requests,
    long InFlight,
    IReadOnlyDictionary<string, long> Responses,
    long Errors,
    long TransportFailures,
    long ClientAborts,
    long BytesIn,
    long BytesOut,
    LatencySnapshot Latency,
    LatencySnapshot TimeToFirstByte)
{
    public static RevisionSnapshot From(RevisionTelemetry revision, int? weight)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return new RevisionSnapshot(
            revision.Revision,
            weight,
            revision.Requests,
            revision.InFlight,
            Enumerable.Range(1, 5).ToDictionary(c => $"{c}xx", revision.ResponsesOfClass, StringComparer.Ordinal),
            revision.Errors,
            revision.TransportFailures,
            revision.ClientAborts,
            revision.BytesIn,
            revision.BytesOut,
            LatencySnapshot.From(revision.Latency),
            LatencySnapshot.From(revision.TimeToFirstByte));
    }
}
