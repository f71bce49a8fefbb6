namespace Airlock.Readiness.Docker;

/// <summary>A parsed Dockerfile: its instructions in order, grouped into stages.</summary>
public sealed record Dockerfile(string Path, IReadOnlyList<DockerInstruction> Instructions, IReadOnlyList<DockerStage> Stages)
{
    /// <summary>The stage that becomes the image (the last one), or null when there is no <c>FROM</c>.</summary>
    public DockerStage? FinalStage => Stages.Count == 0 ? null : Stages[^1];

    /// <summary><c>ARG</c>s declared before the first <c>FROM</c> (usable in <c>FROM</c> lines).</summary>
    public IEnumerable<DockerInstruction> GlobalArgs =>
        Instructions.TakeWhile(i => i.Keyword != "FROM").Where(i => i.Keyword == "ARG");
}
