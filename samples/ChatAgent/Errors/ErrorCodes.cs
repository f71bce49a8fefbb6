namespace ChatAgent.Errors;

/// <summary>
/// The service's own error codes, sent as <c>code</c> in every problem body and error event. A probe that sees one of
/// these knows the request reached this app, not a proxy's or the framework's default error page.
/// </summary>
internal static class ErrorCodes
{
    public const string EmptyBody = "agent.empty_body";
    public const string MalformedBody = "agent.malformed_body";
    public const string UnsupportedMediaType = "agent.unsupported_media_type";
    public const string MessageRequired = "agent.message_required";
    public const string MessageTooLong = "agent.message_too_long";
    public const string InvalidConversationId = "agent.invalid_conversation_id";
    public const string RateLimited = "agent.rate_limited";
    public const string TokenBudgetExhausted = "agent.token_budget_exhausted";
    public const string ModelFailed = "agent.model_failed";
    public const string TurnTimeout = "agent.turn_timeout";
    public const string NotFound = "agent.not_found";
    public const string MethodNotAllowed = "agent.method_not_allowed";
    public const string Internal = "agent.internal_error";
    public const string Unexpected = "agent.http_error";

    /// <summary>Only returned by the <c>Faults:NewErrorCode</c> switch.</summary>
    public const string InjectedNewError = "agent.injected_new_error";
}
