namespace ChatAgent.Errors;

/// <summary>RFC 9457 problem results that always carry the service's own error code.</summary>
internal static class Problems
{
    public const string CodeKey = "code";

    public static IResult Create(int status, string code, string title, string? detail = null) =>
        TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            extensions: new Dictionary<string, object?> { [CodeKey] = code });

    public static string CodeForStatus(int status) => status switch
    {
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
        >= 500 => ErrorCodes.Internal,
        _ => ErrorCodes.Unexpected,
    };
}
