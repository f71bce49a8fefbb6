using System.Collections.Immutable;
using Airlock.Core.Readiness;

namespace Airlock.Readiness.Rubric;

/// <summary>
/// What a row says before its test has run: the failure mode, the test, how bad it is and the fix. A template is
/// not a row: a result and summary come only from <see cref="Pass"/>, <see cref="Fail"/>, <see cref="Warn"/> or
/// <see cref="Skipped"/>, so no row leaves a check with a placeholder result.
/// </summary>
internal sealed record RubricRowTemplate
{
    public required string CheckId { get; init; }

    /// <summary>The row's part of the id: <c>pip</c> in <c>dependencies.pip</c>.</summary>
    public required string Row { get; init; }

    public required string FailureMode { get; init; }

    public required string Test { get; init; }

    public required Severity Severity { get; init; }

    public required CountdownStep Step { get; init; }

    public required string Fix { get; init; }

    public string Id => $"{CheckId}.{Row}";

    /// <summary>
    /// A Degrades It row at Build: something unpinned (a dependency, a runtime) builds today and lets a later clean
    /// build pull a release that breaks it.
    /// </summary>
    public static RubricRowTemplate DegradesBuild(string checkId, string row, string failureMode, string test, string fix) => new()
    {
        CheckId = checkId,
        Row = row,
        FailureMode = failureMode,
        Test = test,
        Severity = Severity.DegradesIt,
        Step = CountdownStep.Build,
        Fix = fix,
    };

    public RubricRow Pass(string summary, ImmutableArray<Evidence> evidence = default) => With(CheckResult.Pass, summary, evidence);

    public RubricRow Fail(string summary, ImmutableArray<Evidence> evidence = default) => With(CheckResult.Fail, summary, evidence);

    public RubricRow Warn(string summary, ImmutableArray<Evidence> evidence = default) => With(CheckResult.Warn, summary, evidence);

    /// <summary>A skipped row; <paramref name="reason"/> says why nothing was tested.</summary>
    public RubricRow Skipped(string reason, ImmutableArray<Evidence> evidence = default) => With(CheckResult.Skipped, reason, evidence);

    /// <summary>Fail when there is any failure, Warn when there is any warning, else Pass; the evidence is failures then warnings.</summary>
    public RubricRow Conclude(IReadOnlyCollection<Evidence> failures, IReadOnlyCollection<Evidence> warnings, string failSummary, string warnSummary, string passSummary)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(warnings);
        ImmutableArray<Evidence> evidence = [.. failures, .. warnings];
        return failures.Count > 0 ? Fail(failSummary, evidence)
            : warnings.Count > 0 ? Warn(warnSummary, evidence)
            : Pass(passSummary, evidence);
    }

    public RubricRow With(CheckResult result, string summary, ImmutableArray<Evidence> evidence = default) => new()
    {
        CheckId = CheckId,
        Id = Id,
        FailureMode = FailureMode,
        Test = Test,
        Severity = Severity,
        Result = result,
        Summary = summary,
        Step = Step,
        Fix = Fix,
        Evidence = evidence.IsDefault ? [] : evidence,
    };
}
