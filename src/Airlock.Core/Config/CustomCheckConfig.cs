using Airlock.Core.Readiness;

namespace Airlock.Core.Config;

/// <summary>A team's own rubric row: a shell command with its expectation.</summary>
public sealed record CustomCheckConfig
{
    public required string Name { get; init; }

    /// <summary>Run with <c>/bin/sh -c</c> in the repository root.</summary>
    public required string Run { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public int ExpectExit { get; init; }

    /// <summary>A fragment the command's standard output must contain, if set.</summary>
    public string? ExpectOutput { get; init; }

    public Severity Severity { get; init; } = Severity.DegradesIt;

    public CountdownStep Step { get; init; } = CountdownStep.Test;

    public string? Owner { get; init; }

    public string? Fix { get; init; }

    /// <summary>Where the check is declared, for evidence.</summary>
    public ConfigLocation Location { get; init; }
}
