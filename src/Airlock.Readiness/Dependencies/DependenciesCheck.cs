using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Dependencies;

/// <summary>
/// Dependencies pinned to exact versions, with lock files that match their manifests, one row per ecosystem.
/// Ecosystems the repository does not use are skipped with the reason.
/// </summary>
internal sealed class DependenciesCheck() : TreeRulesCheck(
    CheckId,
    [NuGetPinRule.Evaluate, NpmLockRule.Evaluate, PipPinRule.Evaluate, GoSumRule.Evaluate, CargoLockRule.Evaluate, BaseImageRule.Evaluate])
{
    public const string CheckId = "dependencies";
}
