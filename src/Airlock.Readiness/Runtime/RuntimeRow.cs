using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Runtime;

/// <summary>
/// The shape every runtime row shares. Degrades It at Build: an unpinned runtime builds today and breaks the day the
/// platform's default moves to a new major version.
/// </summary>
internal static class RuntimeRow
{
    public static RubricRowTemplate Create(string row, string failureMode, string test, string fix) => new()
    {
        CheckId = RuntimeCheck.CheckId,
        Row = row,
        FailureMode = failureMode,
        Test = test,
        Severity = Severity.DegradesIt,
        Step = CountdownStep.Build,
        Fix = fix,
    };
}
