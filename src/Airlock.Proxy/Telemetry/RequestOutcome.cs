using Airlock.Proxy.Forwarding;

namespace Airlock.Proxy.Telemetry;

/// <summary>How one request ended, as the telemetry counts it. The numbers 1 to 5 are the status classes on purpose.</summary>
internal enum RequestOutcome
{
    Informational = 1,
    Success = 2,
    Redirection = 3,
    ClientError = 4,
    ServerError = 5,

    /// <summary>The proxy answered 502/504 itself, or the revision's response broke off mid-stream.</summary>
    TransportFailure = 6,

    /// <summary>The client went away (or its stream was cut at the drain bound); not held against the revision.</summary>
    ClientAbort = 7,
}

/// <summary>Maps a <see cref="ForwardResult"/> to its <see cref="RequestOutcome"/>.</summary>
internal static class RequestOutcomes
{
    /// <summary>Array length for counters indexed by <see cref="RequestOutcome"/> (index 0 unused).</summary>
    public const int Count = 8;

    public static RequestOutcome Of(ForwardResult result) => result.Status switch
    {
        ForwardStatus.Completed => (RequestOutcome)Math.Clamp(result.StatusCode / 100, 1, 5),

        // A body over the limit is the client's fault, answered before the revision could matter.
        ForwardStatus.UpstreamFailed when result.ErrorCode == ProxyErrorCode.RequestBodyTooLarge => RequestOutcome.ClientError,
        ForwardStatus.UpstreamFailed or ForwardStatus.UpstreamAbortedMidResponse => RequestOutcome.TransportFailure,
        ForwardStatus.ClientAborted => RequestOutcome.ClientAbort,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "unknown forward status"),
    };
}
