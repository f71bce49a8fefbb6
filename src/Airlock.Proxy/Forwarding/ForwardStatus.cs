namespace Airlock.Proxy.Forwarding;

/// <summary>How one forwarded exchange ended, from the proxy's point of view.</summary>
internal enum ForwardStatus
{
    /// <summary>The upstream's response was relayed in full (whatever its status code).</summary>
    Completed,

    /// <summary>The proxy answered with its own 502/504 before any of the upstream's response was sent.</summary>
    UpstreamFailed,

    /// <summary>The upstream failed or went idle after the response had started: the client connection was aborted.</summary>
    UpstreamAbortedMidResponse,

    /// <summary>The client went away; the upstream request was cancelled.</summary>
    ClientAborted,
}
