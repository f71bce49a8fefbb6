using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Runtime;

/// <summary>
/// The runtime version is pinned for each ecosystem the repository uses (.NET, Python, Node.js, container base image).
/// Ecosystems that are absent are skipped with the reason.
/// </summary>
internal sealed class RuntimeCheck() : TreeRulesCheck(
    CheckId,
    [DotnetRuntimeRule.Evaluate, PythonRuntimeRule.Evaluate, NodeRuntimeRule.Evaluate, DockerRuntimeRule.Evaluate])
{
    public const string CheckId = "runtime";
}
