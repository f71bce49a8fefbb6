namespace ChatAgent.Model;

/// <summary>How a model call failed: the <c>kind</c> label of <c>chatagent_model_errors_total</c>.</summary>
internal static class ModelErrorKind
{
    /// <summary>HTTP 429 from the provider.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>HTTP 5xx from the provider, or an error event in its stream.</summary>
    public const string ServerError = "server_error";

    /// <summary>Any other HTTP 4xx: a wrong key, model name or request.</summary>
    public const string ClientError = "client_error";

    /// <summary>200 with nothing in it.</summary>
    public const string EmptyResponse = "empty_response";

    /// <summary>200 with a body that is not the JSON the wire format promises (an HTML error page, say).</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>A server-sent event whose data is not JSON, or JSON of the wrong shape.</summary>
    public const string MalformedEvent = "malformed_event";

    /// <summary>The stream ended without its terminal event.</summary>
    public const string Truncated = "truncated";

    /// <summary>The connection failed (refused, reset, DNS).</summary>
    public const string Transport = "transport";

    /// <summary>Anything else an <c>IChatClient</c> threw.</summary>
    public const string Other = "other";
}
