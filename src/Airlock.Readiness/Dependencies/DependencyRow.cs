using System.Collections.Immutable;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Dependencies;

/// <summary>
/// The shape every dependency row shares. Severity is Degrades It and the step is Build: an unpinned dependency
/// does not stop today's build, it lets a later clean build pull a release that breaks it.
/// </summary>
internal static class DependencyRow
{
    public static RubricRow Create(string row, string failureMode, string test, string fix) => new()
    {
        CheckId = DependenciesCheck.CheckId,
        Id = $"{DependenciesCheck.CheckId}.{row}",
        FailureMode = failureMode,
        Test = test,
        Severity = Severity.DegradesIt,
        Result = CheckResult.Pass,
        Summary = string.Empty,
        Step = CountdownStep.Build,
        Fix = fix,
    };

    /// <summary>Fail when any evidence is a failure, Warn when any is a warning, else Pass.</summary>
    public static RubricRow Conclude(RubricRow row, List<Evidence> failures, List<Evidence> warnings, string failSummary, string warnSummary, string passSummary)
    {
        ArgumentNullException.ThrowIfNull(row);
        var evidence = failures.Concat(warnings).ToImmutableArray();
        return failures.Count > 0 ? row with { Result = CheckResult.Fail, Summary = failSummary, Evidence = evidence }
            : warnings.Count > 0 ? row with { Result = CheckResult.Warn, Summary = warnSummary, Evidence = evidence }
            : row with { Result = CheckResult.Pass, Summary = passSummary, Evidence = evidence };
    }

    public static RubricRow Skip(RubricRow row, string reason) => row with { Result = CheckResult.Skipped, Summary = reason };

    /// <summary>The 1-based line of the first occurrence of <paramref name="needle"/>, or null.</summary>
    public static int? LineOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        return index < 0 ? null : text.AsSpan(0, index).Count('\n') + 1;
    }
}
