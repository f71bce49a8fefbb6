namespace Airlock.Readiness.Docker;

/// <summary>A parsed Dockerfile: its instructions in order, grouped into stages.</summary>
public sealed record Dockerfile(string Path, IReadOnlyList<DockerInstruction> Instructions, IReadOnlyList<DockerStage> Stages)
{
    /// <summary>The stage that becomes the image (the last one), or null when there is no <c>FROM</c>.</summary>
    public DockerStage? FinalStage => Stages.Count == 0 ? null : Stages[^1];

    /// <summary><c>ARG</c>s declared before the first <c>FROM</c> (usable in <c>FROM</c> lines).</summary>
    public IEnumerable<DockerInstruction> GlobalArgs =>
        Instructions.TakeWhile(i => i.Keyword != "FROM").Where(i => i.Keyword == "ARG");

    /// <summary>Defaults of the global <c>ARG</c>s; an <c>ARG</c> without a default maps to null.</summary>
    public IReadOnlyDictionary<string, string?> GlobalArgDefaults
    {
        get
        {
            var defaults = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var assignment in GlobalArgs.SelectMany(DockerAssignment.Parse))
            {
                defaults[assignment.Name] = assignment.Value is null ? null : DockerVariables.Expand(assignment.Value, defaults);
            }

            return defaults;
        }
    }

    /// <summary>
    /// The earlier stage a stage is built <c>FROM</c> (<c>FROM build AS test</c>), or null when it starts from an image.
    /// Stage names are case-insensitive, as in BuildKit.
    /// </summary>
    public DockerStage? ParentOf(DockerStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var reference = stage.BaseImage.Text;
        for (var i = stage.Index - 1; i >= 0; i--)
        {
            if (Stages[i].Name is { } name && string.Equals(name, reference, StringComparison.OrdinalIgnoreCase))
            {
                return Stages[i];
            }
        }

        return null;
    }

    /// <summary>The stage and the stages it is built from, nearest first (the stage itself first).</summary>
    public IEnumerable<DockerStage> Lineage(DockerStage stage)
    {
        for (DockerStage? current = stage; current is not null; current = ParentOf(current))
        {
            yield return current;
        }
    }
}
