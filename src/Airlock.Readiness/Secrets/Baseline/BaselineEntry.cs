namespace Airlock.Readiness.Secrets.Baseline;

/// <summary>One accepted finding. Only <see cref="Fingerprint"/> decides a match; the rest is for the reader.</summary>
internal sealed record BaselineEntry
{
    public required string Fingerprint { get; init; }

    public string? RuleId { get; init; }

    public string? File { get; init; }

    public string? RedactedValue { get; init; }

    /// <summary>Why the team accepted it ("test fixture", "revoked 2026-03-02").</summary>
    public string? Reason { get; init; }

    /// <summary>Line of the entry in the baseline file (0 for entries not read from a file).</summary>
    public int Line { get; init; }
}
