namespace Airlock.Proxy.Forwarding;

/// <summary>
/// How requests are forwarded. The three timeouts are separate on purpose: a slow LLM answer may take
/// minutes in total while every single gap between its chunks is short, so there is no total timeout.
/// </summary>
internal sealed record ForwarderOptions
{
    public static ForwarderOptions Default { get; } = new();

    /// <summary>Bound on opening a TCP (and TLS) connection to a revision; expiry is a 504.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bound from sending the request to receiving the response headers; expiry is a 504.</summary>
    public TimeSpan ResponseHeadersTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Bound on the gap between two reads of a response body; expiry aborts the response.</summary>
    public TimeSpan IdleStreamTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public HostPolicy Host { get; init; } = HostPolicy.Upstream;

    /// <summary>
    /// When false (an edge proxy), client-supplied <c>Forwarded</c>/<c>X-Forwarded-*</c> headers are dropped and
    /// replaced, so a client cannot forge its address; when true they are kept and this hop is appended.
    /// </summary>
    public bool TrustIncomingForwardedHeaders { get; init; }

    /// <summary>Largest request body accepted from a client, or null for no limit (bodies are streamed, never buffered).</summary>
    public long? MaxRequestBodySize { get; init; }

    /// <summary>Largest total size of the request headers accepted from a client.</summary>
    public int MaxRequestHeadersTotalSize { get; init; } = 32 * 1024;

    /// <summary>
    /// How long a revision taken out of rotation keeps its in-flight requests and open streams; past it they are cut.
    /// Long by default because a streamed LLM answer can take minutes.
    /// </summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The response header an app puts its own error code in; it names the error's fingerprint.</summary>
    public string ErrorCodeHeader { get; init; } = "X-Error-Code";
}
