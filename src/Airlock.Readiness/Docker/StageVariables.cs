namespace Airlock.Readiness.Docker;

/// <summary>The variables known at a line of a stage: <c>ENV</c> and <c>ARG</c> defaults of the stage and the stages it is built from.</summary>
internal static class StageVariables
{
    public static IReadOnlyDictionary<string, string?> Before(Dockerfile file, DockerStage stage, int line)
    {
        var globals = file.GlobalArgDefaults;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var current in file.Lineage(stage).Reverse())
        {
            foreach (var instruction in current.Instructions.Where(i => i.Keyword is "ENV" or "ARG"))
            {
                if (current == stage && instruction.Line >= line)
                {
                    break;
                }

                foreach (var assignment in DockerAssignment.Parse(instruction))
                {
                    // ARG NAME inside a stage brings in the global default of the same name.
                    var value = assignment.Value ?? (instruction.Keyword == "ARG" && globals.TryGetValue(assignment.Name, out var global) ? global : null);
                    values[assignment.Name] = value is null ? null : DockerVariables.Expand(value, values);
                }
            }
        }

        return values;
    }
}
