using System.Collections.Immutable;

namespace Airlock.Readiness.Rubric;

/// <summary>The outcome of one <c>airlock check</c> run: every row plus where and when it ran.</summary>
public sealed record RubricReport
{
    /// <summary>Absolute path of the repository checked.</summary>
    public required string Repository { get; init; }

    /// <summary>HEAD at the time of the check, or null in a repository without commits.</summary>
    public string? Commit { get; init; }

    public string? Branch { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public required string ToolVersion { get; init; }

    public ImmutableArray<RubricRow> Rows { get; init; } = [];

    public RubricSummary Summary => RubricSummary.Of(Rows);
}
