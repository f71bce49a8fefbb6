using System.Collections.Immutable;

namespace Airlock.Readiness.Live;

/// <summary>One request a probe sent and what came back (or the transport error), as kept for evidence and row 12.</summary>
internal sealed record LiveExchange
{
    public required string Method { get; init; }

    /// <summary>The path and query sent, relative to the target.</summary>
    public required string Path { get; init; }

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public int? Status { get; init; }

    public string? ContentType { get; init; }

    public ImmutableArray<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body as text, up to <see cref="LiveSession.MaxBodyChars"/> characters.</summary>
    public string Body { get; init; } = string.Empty;

    public TimeSpan Elapsed { get; init; }

    /// <summary>Why no response arrived: "timed out after 10 s", "connection refused".</summary>
    public string? Error { get; init; }

    public bool Succeeded => Status is >= 200 and < 300;

    public string Request => $"{Method} {Path}";

    /// <summary>"POST /agent/run → 200 in 12 ms" or "… → timed out after 10 s".</summary>
    public string Outcome => Status is { } status
        ? $"{Request} → {status} in {Elapsed.TotalMilliseconds:0} ms"
        : $"{Request} → {Error}";

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
