using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Dependencies;

/// <summary>
/// The shape every dependency row shares. Severity is Degrades It and the step is Build: an unpinned dependency
/// does not stop today's build, it lets a later clean build pull a release that breaks it.
/// </summary>
internal static class DependencyRow
{
    public static RubricRowTemplate Create(string row, string failureMode, string test, string fix) => new()
    {
        CheckId = DependenciesCheck.CheckId,
        Row = row,
        FailureMode = failureMode,
        Test = test,
        Severity = Severity.DegradesIt,
        Step = CountdownStep.Build,
        Fix = fix,
    };

    /// <summary>The 1-based line of the first occurrence of <paramref name="needle"/>, or null.</summary>
    public static int? LineOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        return index < 0 ? null : text.AsSpan(0, index).Count('\n') + 1;
    }
}
