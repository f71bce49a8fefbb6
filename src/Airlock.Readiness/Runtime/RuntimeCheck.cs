using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Runtime;

/// <summary>
/// The runtime version is pinned for each ecosystem the repository uses (.NET, Python, Node.js, container base image).
/// Ecosystems that are absent are skipped with the reason.
/// </summary>
internal sealed class RuntimeCheck : IReadinessCheck
{
    public const string CheckId = "runtime";

    public string Id => CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tree = await WorkingTree.ListAsync(context.Git, context.RepositoryRoot, cancellationToken);
        return
        [
            DotnetRuntimeRule.Evaluate(tree),
            PythonRuntimeRule.Evaluate(tree),
            NodeRuntimeRule.Evaluate(tree),
            DockerRuntimeRule.Evaluate(tree),
        ];
    }
}
