using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Dependencies;

/// <summary>
/// Dependencies pinned to exact versions, with lock files that match their manifests, one row per ecosystem.
/// Ecosystems the repository does not use are skipped with the reason.
/// </summary>
internal sealed class DependenciesCheck : IReadinessCheck
{
    public const string CheckId = "dependencies";

    public string Id => CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tree = await WorkingTree.ListAsync(context.Git, context.RepositoryRoot, cancellationToken);
        return
        [
            NuGetPinRule.Evaluate(tree),
            NpmLockRule.Evaluate(tree),
            PipPinRule.Evaluate(tree),
            GoSumRule.Evaluate(tree),
            CargoLockRule.Evaluate(tree),
            BaseImageRule.Evaluate(tree),
        ];
    }
}
