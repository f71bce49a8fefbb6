using Airlock.Readiness.Dependencies;
using Airlock.Readiness.FileSizes;
using Airlock.Readiness.Lfs;
using Airlock.Readiness.Runtime;
using Airlock.Readiness.SensitiveFiles;

namespace Airlock.Readiness.Rubric;

/// <summary>Every static check <c>airlock check</c> runs, in rubric order.</summary>
internal static class ReadinessCheckCatalog
{
    public static IReadOnlyList<IReadinessCheck> CreateAll() =>
    [
        new SensitiveFilesCheck(),
        new DependenciesCheck(),
        new RuntimeCheck(),
        new LfsCheck(),
        new FileSizesCheck(),
    ];
}
