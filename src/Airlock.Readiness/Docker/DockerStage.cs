namespace Airlock.Readiness.Docker;

/// <summary>A build stage: a <c>FROM</c> and the instructions up to the next one.</summary>
public sealed record DockerStage(int Index, DockerInstruction From, ImageReference BaseImage, string? Name, IReadOnlyList<DockerInstruction> Instructions);
