using Airlock.Core.Config;

namespace Airlock.Readiness.Docker;

/// <summary>The repository facts the Dockerfile rules read besides the Dockerfiles themselves.</summary>
/// <param name="RepositoryRoot">Absolute working tree root; null when judging Dockerfile text alone (benchmarks).</param>
/// <param name="Config">The loaded airlock.yaml.</param>
/// <param name="WorkingTreeFiles">Files a deploy would see, relative with forward slashes.</param>
internal sealed record DockerfileScan(string? RepositoryRoot, AirlockConfig Config, IReadOnlyList<string> WorkingTreeFiles)
{
    public static DockerfileScan TextOnly(AirlockConfig? config = null) => new(null, config ?? AirlockConfig.Default, []);
}
