using Airlock.Readiness.Dependencies;
using Airlock.Readiness.Docker;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Runtime;

/// <summary>Docker: the base image's tag is the runtime version of a container, judged by <see cref="BaseImagePinning"/>.</summary>
internal static class DockerRuntimeRule
{
    public static RubricRow Evaluate(WorkingTree tree)
    {
        var row = RuntimeRow.Create(
            "docker",
            "The container's base image is on latest or untagged, so its runtime version changes under the app",
            "The image under the final stage of each Dockerfile (Dockerfile, Containerfile, Dockerfile.*, Containerfile.*, *.Dockerfile, any case) builds on an image with a "
            + "tag other than latest, or a digest; a base chosen by a build argument without a default warns",
            "Name the runtime version in the tag of the final stage (`FROM mcr.microsoft.com/dotnet/aspnet:10.0`, `FROM node:20.11-slim`).");
        var warnings = new List<Evidence>();
        var pins = new List<(string File, BaseImagePin Pin)>();
        foreach (var path in BaseImageRule.Dockerfiles(tree))
        {
            if (tree.ReadText(path) is not { } text)
            {
                warnings.Add(new Evidence("could not be read") { File = path });
                continue;
            }

            // The image that runs is the root of the final stage's lineage (FROM build AS final builds on build's image).
            var dockerfile = DockerfileParser.Parse(text, path);
            if (dockerfile.FinalStage is { } final && dockerfile.Lineage(final).Last() is { } runtime)
            {
                pins.AddRange(BaseImagePinning.Assess(dockerfile).Where(p => p.Stage.Index == runtime.Index).Select(p => (path, p)));
            }
        }

        if (pins.Count == 0 && warnings.Count == 0)
        {
            return row.Skipped("No Dockerfile whose final stage builds on a registry image.");
        }

        var failures = pins.Where(p => p.Pin.IsUnpinned).Select(p => Evidence(p.File, p.Pin)).ToList();
        warnings.AddRange(pins.Where(p => p.Pin.Kind == BaseImagePinKind.Unresolved).Select(p => Evidence(p.File, p.Pin)));
        var evidence = failures.Concat(warnings).ToList();
        return failures.Count > 0 ? row.Fail($"{failures.Count} runtime image(s) on latest or untagged.", [.. evidence])
            : warnings.Count > 0 ? row.Warn($"{warnings.Count} runtime image(s) chosen at build time.", [.. evidence])
            : row.Pass($"{pins.Count} runtime image(s) pinned by tag or digest.", [.. pins.Select(p => Evidence(p.File, p.Pin))]);
    }

    private static Evidence Evidence(string file, BaseImagePin pin) =>
        new(pin.Reason) { File = file, Line = pin.Line, RuleId = pin.Kind.ToString() };
}
