using Airlock.Readiness.Docker;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Dependencies;

/// <summary>Docker: no <c>FROM</c> on <c>latest</c> or without a tag, judged by the shared <see cref="BaseImagePinning"/>.</summary>
internal static class BaseImageRule
{
    /// <summary>Dockerfiles of the working tree, named as the dockerfile check finds them (<see cref="DockerfileDiscovery"/>).</summary>
    public static IEnumerable<string> Dockerfiles(WorkingTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return tree.Files.Where(DockerfileDiscovery.IsDockerfile);
    }

    /// <summary>Every base image pin of every Dockerfile, with the file it came from; unreadable files become warnings.</summary>
    public static List<(string File, BaseImagePin Pin)> Assess(WorkingTree tree, List<Evidence> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var pins = new List<(string, BaseImagePin)>();
        foreach (var path in Dockerfiles(tree))
        {
            if (tree.ReadText(path) is not { } text)
            {
                warnings.Add(new Evidence("could not be read") { File = path });
                continue;
            }

            pins.AddRange(BaseImagePinning.Assess(DockerfileParser.Parse(text, path)).Select(pin => (path, pin)));
        }

        return pins;
    }

    public static RubricRow Evaluate(WorkingTree tree)
    {
        var row = DependencyRow.Create(
            "docker-base",
            "A Docker base image on `latest` or without a tag: every build may start from a different image",
            "Every FROM of Dockerfile, Containerfile, Dockerfile.*, Containerfile.*, *.Dockerfile (any case) that names a registry image (global ARG defaults applied; "
            + "scratch and earlier stages skipped) must carry a tag other than latest or a digest",
            "Pin the base image to a version tag (`FROM python:3.12.7-slim`), better with its digest (`@sha256:...`).");
        var warnings = new List<Evidence>();
        var pins = Assess(tree, warnings);
        if (pins.Count == 0 && warnings.Count == 0)
        {
            return row.Skipped(Dockerfiles(tree).Any() ? "The Dockerfiles build FROM scratch only." : "No Dockerfile in the repository.");
        }

        var failures = pins.Where(p => p.Pin.IsUnpinned).Select(p => Evidence(p.File, p.Pin)).ToList();
        warnings.AddRange(pins.Where(p => p.Pin.Kind == BaseImagePinKind.Unresolved).Select(p => Evidence(p.File, p.Pin)));
        return row.Conclude(
            failures,
            warnings,
            $"{failures.Count} base image(s) on latest or untagged.",
            $"{warnings.Count} base image(s) chosen at build time or unreadable.",
            $"{pins.Count} base image(s) pinned by tag or digest.");
    }

    private static Evidence Evidence(string file, BaseImagePin pin) =>
        new(pin.Reason) { File = file, Line = pin.Line, RuleId = pin.Kind.ToString() };
}
