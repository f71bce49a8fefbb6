using Airlock.Proxy.Forwarding;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Telemetry;

/// <summary>
/// The kind of an error, stable enough to compare revisions ("a new error type that stable never showed"): the app's own
/// code (a response header, else the <c>code</c> or <c>type</c> of an RFC 9457 problem body), else <c>status:NNN</c>;
/// for transport failures the proxy's own code. Successful and redirected responses have none.
/// </summary>
internal static class ErrorFingerprint
{
    /// <summary>Longer app codes are cut: a fingerprint is a label, not a message.</summary>
    public const int MaxLength = 128;

    public static string? Of(ForwardResult result, IHeaderDictionary? responseHeaders, string? errorCodeHeader)
    {
        switch (result.Status)
        {
            case ForwardStatus.Completed when result.StatusCode < 400:
            case ForwardStatus.ClientAborted:
                return null;
            case ForwardStatus.Completed:
                if (errorCodeHeader is not null && responseHeaders is not null
                    && responseHeaders.TryGetValue(errorCodeHeader, out var values) && Sanitize(values.ToString()) is { } fromHeader)
                {
                    return fromHeader;
                }

                return Sanitize(result.ProblemCode) ?? Status(result.StatusCode);
            case ForwardStatus.UpstreamFailed:
                return result.ErrorCode ?? Status(result.StatusCode);
            case ForwardStatus.UpstreamAbortedMidResponse:
                return result.ErrorCode ?? ProxyErrorCode.UpstreamStreamAborted;
            default:
                throw new ArgumentOutOfRangeException(nameof(result), result.Status, "unknown forward status");
        }
    }

    /// <summary>Printable ASCII only (anything else becomes '_'), at most <see cref="MaxLength"/> characters; null when empty.</summary>
    public static string? Sanitize(string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > MaxLength)
        {
            trimmed = trimmed[..MaxLength];
        }

        return string.Create(trimmed.Length, trimmed, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = text[i] is > ' ' and <= '~' ? text[i] : '_';
            }
        });
    }

    private static string Status(int statusCode) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"status:{statusCode}");
}
