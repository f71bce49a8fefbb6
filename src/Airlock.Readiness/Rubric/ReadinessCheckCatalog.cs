using Airlock.Readiness.Branch;
using Airlock.Readiness.CustomChecks;
using Airlock.Readiness.Dependencies;
using Airlock.Readiness.Docker;
using Airlock.Readiness.EnvironmentVariables;
using Airlock.Readiness.FileSizes;
using Airlock.Readiness.Lfs;
using Airlock.Readiness.NativeAbi;
using Airlock.Readiness.Runtime;
using Airlock.Readiness.Secrets;
using Airlock.Readiness.SensitiveFiles;

namespace Airlock.Readiness.Rubric;

/// <summary>Every static check <c>airlock check</c> runs, in rubric order.</summary>
internal static class ReadinessCheckCatalog
{
    public static IReadOnlyList<IReadinessCheck> CreateAll() =>
    [
        new SecretsCheck(),
        new SensitiveFilesCheck(),
        new DependenciesCheck(),
        new RuntimeCheck(),
        new LfsCheck(),
        new FileSizesCheck(),
        new BranchCheck(),
        new DockerfileCheck(),
        new EnvironmentCheck(),
        new NativeAbiCheck(),
        new CustomCheck(),
    ];
}
