using Airlock.Proxy.Forwarding;

namespace Airlock.Proxy.Telemetry;

/// <summary>
/// The proxy's own measurements of one revision of one route since start: traffic, errors (5xx and transport
/// failures, 4xx kept apart as the client's), saturation (in flight), bytes, and latency sketches.
/// Counters only grow (Prometheus counter semantics); windows over them are left to a later layer.
/// </summary>
internal sealed class RevisionTelemetry(string route, string revision)
{
    private readonly long[] _responsesByClass = new long[6];
    private long _requests;
    private long _inFlight;
    private long _transportFailures;
    private long _clientAborts;
    private long _bytesIn;
    private long _bytesOut;

    public string Route { get; } = route;

    public string Revision { get; } = revision;

    public long Requests => Interlocked.Read(ref _requests);

    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Upstream failures the client saw as the proxy's 502/504 or as a cut stream.</summary>
    public long TransportFailures => Interlocked.Read(ref _transportFailures);

    public long ClientAborts => Interlocked.Read(ref _clientAborts);

    public long BytesIn => Interlocked.Read(ref _bytesIn);

    public long BytesOut => Interlocked.Read(ref _bytesOut);

    /// <summary>Requests that count against the revision: 5xx answers plus transport failures.</summary>
    public long Errors => ResponsesOfClass(5) + TransportFailures;

    /// <summary>From receiving the request to the end of the relayed response.</summary>
    public LatencySketch Latency { get; } = new();

    /// <summary>From receiving the request to sending the response headers.</summary>
    public LatencySketch TimeToFirstByte { get; } = new();

    /// <summary>Responses relayed from the revision with a status of class <paramref name="statusClass"/> (1 to 5).</summary>
    public long ResponsesOfClass(int statusClass) => Interlocked.Read(ref _responsesByClass[statusClass]);

    public void Started()
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _inFlight);
    }

    public void Finished(ForwardResult result, TimeSpan elapsed)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Add(ref _bytesIn, result.RequestBytes);
        Interlocked.Add(ref _bytesOut, result.ResponseBytes);
        switch (result.Status)
        {
            case ForwardStatus.Completed:
                Interlocked.Increment(ref _responsesByClass[Math.Clamp(result.StatusCode / 100, 1, 5)]);
                Latency.Record(elapsed);
                break;
            case ForwardStatus.UpstreamFailed:
            case ForwardStatus.UpstreamAbortedMidResponse:
                // The proxy's own 502/504 is not the revision's answer: it is counted once, as a transport failure.
                Interlocked.Increment(ref _transportFailures);
                break;
            case ForwardStatus.ClientAborted:
                Interlocked.Increment(ref _clientAborts);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(result), result.Status, "unknown forward status");
        }

        if (result.TimeToFirstByte is { } firstByte && result.Status != ForwardStatus.UpstreamFailed)
        {
            TimeToFirstByte.Record(firstByte);
        }
    }
}
