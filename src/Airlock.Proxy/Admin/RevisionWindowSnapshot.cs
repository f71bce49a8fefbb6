using Airlock.Proxy.Draining;
using Airlock.Proxy.Telemetry;

namespace Airlock.Proxy.Admin;

/// <summary>
/// One revision over a window (<c>GET /admin/revisions/{route}/window</c>). The field names are a contract: the
/// rollout controller reads them. <c>inFlight</c> and <c>state</c> are now; everything else is the window's.
/// </summary>
internal sealed record RevisionWindowSnapshot(
    string Name,
    int? Weight,
    string State,
    long InFlight,
    long Requests,
    IReadOnlyDictionary<string, long> Responses,
    long Errors,
    long TransportFailures,
    long ClientAborts,
    double? ErrorRate,
    LatencySnapshot Latency,
    LatencySnapshot TimeToFirstByte,
    IReadOnlyList<FingerprintCount> Fingerprints)
{
    public static RevisionWindowSnapshot From(RevisionTelemetry revision, WindowTotals window, int? weight, DrainState state)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(window);
        return new RevisionWindowSnapshot(
            revision.Revision,
            weight,
            RevisionSnapshot.StateName(state),
            revision.InFlight,
            window.Requests,
            Enumerable.Range(1, 5).ToDictionary(c => $"{c}xx", window.ResponsesOfClass, StringComparer.Ordinal),
            window.Errors,
            window.TransportFailures,
            window.Outcomes[(int)RequestOutcome.ClientAbort],
            window.ErrorRate,
            LatencySnapshot.From(window.Latency),
            LatencySnapshot.From(window.TimeToFirstByte),
            revision.Fingerprints.Ranked(i => window.Fingerprints[i]));
    }
}
