namespace Airlock.Readiness.Secrets.Engine;

/// <summary>
/// One detection. <see cref="Line"/> and <see cref="Column"/> are 1-based within the fragment's content
/// (the caller maps them to file lines); a path-only rule reports the file itself with both set to 0.
/// <see cref="Secret"/>, <see cref="Match"/> and <see cref="LineText"/> hold the value in clear: redact
/// them (<see cref="Redaction.SecretRedactor"/>) before they leave the process.
/// </summary>
/// <param name="RuleId">The rule that matched.</param>
/// <param name="Secret">The secret: the rule's secret group, else the first non-empty group, else the match.</param>
/// <param name="Match">The whole regex match (for a path-only rule: "file detected: PATH").</param>
/// <param name="Line">1-based line of the start of the match, 0 for a path-only rule.</param>
/// <param name="Column">1-based column of the start of the match, 0 for a path-only rule.</param>
/// <param name="LineText">The line (or lines) the match spans.</param>
public sealed record SecretMatch(string RuleId, string Secret, string Match, int Line, int Column, string LineText)
{
    public string? Description { get; init; }

    /// <summary>Shannon entropy of <see cref="Secret"/> in bits per character.</summary>
    public double Entropy { get; init; }

    /// <summary>True for a path-only rule's finding: the file itself is the problem.</summary>
    public bool IsFileFinding => Line == 0;
}
