namespace Airlock.Readiness.Rubric;

/// <summary>
/// One piece of evidence behind a row: what was seen and where. Secret values are only ever
/// stored redacted (<see cref="Redaction.SecretRedactor"/>).
/// </summary>
public sealed record Evidence(string Message)
{
    /// <summary>Path relative to the repository root, with forward slashes.</summary>
    public string? File { get; init; }

    public int? Line { get; init; }

    /// <summary>Full commit id, when the evidence comes from history.</summary>
    public string? Commit { get; init; }

    /// <summary>A redacted secret value (prefix plus hash), never the value itself.</summary>
    public string? RedactedValue { get; init; }

    /// <summary>The rule that produced it, for scanners with rules (secrets, Dockerfile).</summary>
    public string? RuleId { get; init; }

    /// <summary>A stable id of the finding, for baselines.</summary>
    public string? Fingerprint { get; init; }

    public string Location => (File, Line) switch
    {
        (null, _) => string.Empty,
        (var file, null) => file,
        (var file, var line) => $"{file}:{line}",
    };
}
