namespace ChatAgent.Model;

/// <summary>A model call failed in a known way; <see cref="Kind"/> is a <see cref="ModelErrorKind"/> value.</summary>
/// <remarks>The message names the provider's status or what was wrong with its body, never the API key or the body itself.</remarks>
internal sealed class ModelCallException(string kind, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Kind { get; } = kind;

    /// <summary>What the provider's Retry-After said, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public static string KindOf(Exception exception) => exception switch
    {
        ModelCallException model => model.Kind,
        HttpRequestException or IOException => ModelErrorKind.Transport,
        _ => ModelErrorKind.Other,
    };
}
