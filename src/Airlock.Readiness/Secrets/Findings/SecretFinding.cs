namespace Airlock.Readiness.Secrets.Findings;

/// <summary>
/// One secret in one file, deduplicated over every commit and the working tree. Holds the secret only
/// redacted; the clear value never leaves the detector's call.
/// </summary>
internal sealed record SecretFinding
{
    public required string RuleId { get; init; }

    public string? Description { get; init; }

    /// <summary>Path relative to the repository root, forward slashes.</summary>
    public required string Path { get; init; }

    public required string Fingerprint { get; init; }

    /// <summary>The secret redacted; null for a path-only rule, where the file itself is the finding.</summary>
    public string? RedactedValue { get; init; }

    /// <summary>The oldest commit seen adding it (git's log order), or null if it was never committed.</summary>
    public string? Commit { get; init; }

    /// <summary>Its 1-based line in that commit's version of the file.</summary>
    public int? HistoryLine { get; init; }

    /// <summary>Its 1-based line in the working tree, or null when the working tree no longer has it.</summary>
    public int? WorkingTreeLine { get; init; }

    /// <summary>How many (commit, line) places in history add it.</summary>
    public int HistoryOccurrences { get; init; }

    /// <summary>Log position of <see cref="Commit"/>: higher is older.</summary>
    internal long HistoryOrder { get; init; } = -1;

    public bool InHistory => Commit is not null;
}
