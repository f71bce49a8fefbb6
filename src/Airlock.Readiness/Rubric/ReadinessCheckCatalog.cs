using Airlock.Readiness.Branch;
using Airlock.Readiness.CustomChecks;
using Airlock.Readiness.Docker;
using Airlock.Readiness.EnvironmentVariables;
using Airlock.Readiness.NativeAbi;

namespace Airlock.Readiness.Rubric;

/// <summary>Every static check <c>airlock check</c> runs, in rubric order.</summary>
internal static class ReadinessCheckCatalog
{
    public static IReadOnlyList<IReadinessCheck> CreateAll() =>
    [
        new BranchCheck(),
        new DockerfileCheck(),
        new EnvironmentCheck(),
        new NativeAbiCheck(),
        new CustomCheck(),
    ];
}
