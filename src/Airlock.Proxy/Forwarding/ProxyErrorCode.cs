namespace Airlock.Proxy.Forwarding;

/// <summary>
/// The machine-readable codes of the errors the proxy itself produces. They appear as <c>code</c> in the RFC 9457
/// problem body and in the <c>X-Airlock-Error</c> header, and are stable: clients and the analysis depend on them.
/// </summary>
internal static class ProxyErrorCode
{
    /// <summary>502: the revision refused or reset the connection, or no connection could be made.</summary>
    public const string UpstreamUnreachable = "upstream_unreachable";

    /// <summary>504: no connection to the revision within the connect timeout.</summary>
    public const string UpstreamConnectTimeout = "upstream_connect_timeout";

    /// <summary>504: the revision did not send response headers within the response-headers timeout.</summary>
    public const string UpstreamResponseTimeout = "upstream_response_timeout";

    /// <summary>502: the revision answered with something that is not valid HTTP.</summary>
    public const string UpstreamProtocolError = "upstream_protocol_error";

    /// <summary>404: no route matches the request path.</summary>
    public const string NoRoute = "no_route";

    /// <summary>405: CONNECT and other tunnelling requests: this is not an open proxy.</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>413: the request body is larger than the configured limit.</summary>
    public const string RequestBodyTooLarge = "request_body_too_large";

    /// <summary>Fingerprint only (the status line is gone): the revision's response broke off mid-stream.</summary>
    public const string UpstreamStreamAborted = "upstream_stream_aborted";

    /// <summary>Fingerprint only: the revision's response stayed silent longer than the idle stream timeout and was cut.</summary>
    public const string UpstreamStreamIdleTimeout = "upstream_stream_idle_timeout";
}
