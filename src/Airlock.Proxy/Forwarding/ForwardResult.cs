namespace Airlock.Proxy.Forwarding;

/// <summary>What happened to one request: enough for the telemetry to count it without re-reading the context.</summary>
/// <param name="StatusCode">The status the client received (0 when the connection was aborted before a status line).</param>
/// <param name="ErrorCode">A <see cref="ProxyErrorCode"/> when the proxy produced the failure, else null.</param>
/// <param name="TimeToFirstByte">From receiving the request to the response headers being sent, when they were.</param>
internal readonly record struct ForwardResult(
    ForwardStatus Status,
    int StatusCode,
    string? ErrorCode,
    long RequestBytes,
    long ResponseBytes,
    TimeSpan? TimeToFirstByte)
{
    /// <summary>The <c>code</c> (else <c>type</c>) of the revision's RFC 9457 problem body, when it sent a small one.</summary>
    public string? ProblemCode { get; init; }
}
