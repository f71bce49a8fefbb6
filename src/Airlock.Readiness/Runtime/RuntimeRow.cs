using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Runtime;

/// <summary>The shape every runtime row shares: Degrades It at Build, like an unpinned dependency.</summary>
internal static class RuntimeRow
{
    public static RubricRowTemplate Create(string row, string failureMode, string test, string fix) =>
        RubricRowTemplate.DegradesBuild(RuntimeCheck.CheckId, row, failureMode, test, fix);
}
