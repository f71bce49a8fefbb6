using System.Net.Http.Headers;
using System.Text.Json;

namespace Airlock.Proxy.Telemetry;

/// <summary>
/// Keeps a copy of the first bytes of an error response that says it is an RFC 9457 problem, as they are relayed,
/// so its <c>code</c> (else <c>type</c>) can name the error once the body has ended. Nothing is held back from the
/// client: the copy is taken from chunks already forwarded, and a body longer than <see cref="Limit"/> is not parsed.
/// </summary>
internal sealed class ProblemBodyPrefix
{
    public const int Limit = 4096;
    private const string MediaType = "application/problem+json";
    private readonly byte[] _bytes;
    private int _length;
    private bool _tooLong;

    private ProblemBodyPrefix(int capacity) => _bytes = new byte[capacity];

    /// <summary>A prefix collector for an error response with a problem body that may fit, else null (the common case).</summary>
    public static ProblemBodyPrefix? For(int statusCode, HttpContentHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (statusCode < 400 || !string.Equals(headers.ContentType?.MediaType, MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return headers.ContentLength switch
        {
            > Limit => null,
            { } length => new ProblemBodyPrefix((int)length),
            null => new ProblemBodyPrefix(Limit),
        };
    }

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (_tooLong)
        {
            return;
        }

        if (chunk.Length > _bytes.Length - _length)
        {
            _tooLong = true;
            return;
        }

        chunk.CopyTo(_bytes.AsSpan(_length));
        _length += chunk.Length;
    }

    /// <summary>The problem's <c>code</c> member, else its <c>type</c> unless it is <c>about:blank</c>; null when the body is not such a problem.</summary>
    public string? Code()
    {
        if (_tooLong || _length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(_bytes.AsMemory(0, _length));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (document.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                return code.GetString();
            }

            return document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && type.GetString() is { } text && !text.Equals("about:blank", StringComparison.Ordinal)
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
