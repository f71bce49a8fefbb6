using Airlock.Proxy.Forwarding;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Telemetry;

/// <summary>
/// The proxy's own measurements of one revision of one route: since start (counters only grow, Prometheus counter
/// semantics) traffic, errors (5xx and transport failures, 4xx kept apart as the client's), saturation (in flight),
/// bytes, latency sketches and error fingerprints; and the same over sliding windows of the last 15 minutes.
/// </summary>
internal sealed class RevisionTelemetry(string route, string revision, TimeProvider time, string? errorCodeHeader)
{
    private readonly long[] _outcomes = new long[RequestOutcomes.Count];
    private long _requests;
    private long _inFlight;
    private long _bytesIn;
    private long _bytesOut;

    public string Route { get; } = route;

    public string Revision { get; } = revision;

    /// <summary>Requests started (in flight ones included).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Upstream failures the client saw as the proxy's 502/504 or as a cut stream.</summary>
    public long TransportFailures => Outcomes(RequestOutcome.TransportFailure);

    /// <summary>Clients that went away, and streams cut at the drain bound.</summary>
    public long ClientAborts => Outcomes(RequestOutcome.ClientAbort);

    public long BytesIn => Interlocked.Read(ref _bytesIn);

    public long BytesOut => Interlocked.Read(ref _bytesOut);

    /// <summary>Requests that count against the revision: 5xx answers plus transport failures.</summary>
    public long Errors => ResponsesOfClass(5) + TransportFailures;

    /// <summary>From receiving the request to the end of the relayed response.</summary>
    public LatencySketch Latency { get; } = new();

    /// <summary>From receiving the request to sending the response headers.</summary>
    public LatencySketch TimeToFirstByte { get; } = new();

    public FingerprintTable Fingerprints { get; } = new();

    public RevisionWindow Window { get; } = new(time);

    /// <summary>Responses with a status of class <paramref name="statusClass"/> (1 to 5); a 413 for an oversized body counts as 4xx.</summary>
    public long ResponsesOfClass(int statusClass) => Outcomes((RequestOutcome)statusClass);

    public long Outcomes(RequestOutcome outcome) => Interlocked.Read(ref _outcomes[(int)outcome]);

    public void Started()
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _inFlight);
    }

    /// <param name="responseHeaders">The headers relayed to the client, where the app's error code header is read.</param>
    public void Finished(ForwardResult result, TimeSpan elapsed, IHeaderDictionary? responseHeaders = null)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Add(ref _bytesIn, result.RequestBytes);
        Interlocked.Add(ref _bytesOut, result.ResponseBytes);

        // The proxy's own 502/504 is not the revision's answer: it is counted once, as a transport failure.
        var outcome = RequestOutcomes.Of(result);
        Interlocked.Increment(ref _outcomes[(int)outcome]);
        double? latency = null, firstByte = null;
        if (result.Status == ForwardStatus.Completed)
        {
            latency = elapsed.TotalSeconds;
            Latency.Record(latency.Value);
        }

        if (result.TimeToFirstByte is { } ttfb && result.Status != ForwardStatus.UpstreamFailed)
        {
            firstByte = ttfb.TotalSeconds;
            TimeToFirstByte.Record(firstByte.Value);
        }

        var fingerprint = -1;
        if (ErrorFingerprint.Of(result, responseHeaders, errorCodeHeader) is { } key)
        {
            fingerprint = Fingerprints.IndexOf(key);
            Fingerprints.Count(fingerprint);
        }

        Window.Record(outcome, fingerprint, latency, firstByte);
    }
}
