using System.Collections.Immutable;
using Airlock.Core.Readiness;

namespace Airlock.Readiness.Rubric;

/// <summary>
/// One row of the deploy-readiness rubric: a failure mode, the concrete test that was run, and what it found.
/// </summary>
public sealed record RubricRow
{
    /// <summary>The check that produced the row (for example <c>secrets</c>); owners are looked up by it.</summary>
    public required string CheckId { get; init; }

    /// <summary>A stable row id (for example <c>secrets.history</c>), used by SARIF and JUnit.</summary>
    public required string Id { get; init; }

    /// <summary>The failure mode in words a teammate reads ("API key leaked into git history").</summary>
    public required string FailureMode { get; init; }

    /// <summary>The test that was run, as a teammate could rerun it (a command or a rule).</summary>
    public required string Test { get; init; }

    public required Severity Severity { get; init; }

    public required CheckResult Result { get; init; }

    /// <summary>One line on the outcome; for a skipped row, the reason it was skipped.</summary>
    public required string Summary { get; init; }

    public required CountdownStep Step { get; init; }

    /// <summary>How to fix a failure.</summary>
    public required string Fix { get; init; }

    /// <summary>Who signs the row off; filled from <c>owners</c> in airlock.yaml when a check leaves it null.</summary>
    public string? Owner { get; init; }

    public ImmutableArray<Evidence> Evidence { get; init; } = [];
}
