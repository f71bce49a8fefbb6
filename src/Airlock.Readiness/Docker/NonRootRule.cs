using Airlock.Core.Readiness;

namespace Airlock.Readiness.Docker;

/// <summary><c>dockerfile.non-root</c>: the image's process must not run as root.</summary>
internal sealed class NonRootRule : DockerfileRule
{
    public override string Row => "non-root";

    public override string FailureMode => "The container runs as root: a flaw in the app or a dependency gives an attacker root in the container";

    public override string Test =>
        "Rule: the effective USER of the final stage (its last USER, else the last USER of the stage it is built FROM, recursively) " +
        "must not be root, 0, root:* or 0:*; no USER at all means root unless the base image is a known non-root image (tag with 'nonroot' or 'chiseled')";

    public override Severity Severity => Severity.DegradesIt;

    public override CountdownStep Step => CountdownStep.Deploy;

    public override string Fix =>
        "Add a non-root user and switch to it at the end of the final stage (for example 'RUN useradd --uid 10001 app' then 'USER 10001'); " +
        "the official .NET images already have one: 'USER $APP_UID'";

    protected override string PassSummary => "The final stage runs as a non-root user";

    public override IEnumerable<DockerfileFinding> Inspect(Dockerfile file, DockerfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(file);
        var final = file.FinalStage!;
        foreach (var stage in file.Lineage(final))
        {
            var user = stage.Instructions.LastOrDefault(i => i.Keyword == "USER");
            if (user is null)
            {
                continue;
            }

            var written = user.Arguments.Trim();
            var resolved = DockerVariables.Expand(written, StageVariables.Before(file, stage, user.Line));
            var inherited = stage == final ? string.Empty : $" (inherited from stage '{stage.Name}')";
            if (resolved is null)
            {
                yield return DockerfileFinding.Pass(file, user.Line, "user-from-variable",
                    $"USER {written}{inherited} is set from a build variable; taken as non-root");
            }
            else if (IsRoot(resolved))
            {
                yield return DockerfileFinding.Fail(file, user.Line, "explicit-root",
                    $"the final stage's last USER is '{written}'{inherited}, which is root");
            }
            else
            {
                yield return DockerfileFinding.Pass(file, user.Line, "non-root-user", $"runs as USER {written}{inherited}");
            }

            yield break;
        }

        var root = file.Lineage(final).Last();
        var image = root.BaseImage;
        if (IsKnownNonRootImage(image))
        {
            yield return DockerfileFinding.Pass(file, root.From.Line, "non-root-base",
                $"no USER, but base image '{image.Text}' runs as a non-root user by default");
        }
        else
        {
            yield return DockerfileFinding.Fail(file, final.From.Line, "implicit-root",
                $"the final stage sets no USER, so the container runs as root (base '{image.Text}')");
        }
    }

    /// <summary>True for <c>root</c>, <c>0</c> and either with a group (<c>root:root</c>, <c>0:0</c>, <c>0:1000</c>).</summary>
    internal static bool IsRoot(string user)
    {
        var name = user.Split(':', 2)[0].Trim().Trim('"', '\'');
        return name == "root" || (name.Length > 0 && name.All(c => c == '0'));
    }

    // Distroless ':nonroot' tags and the chiseled .NET images declare a non-root USER in the image itself.
    private static bool IsKnownNonRootImage(ImageReference image) =>
        image.Tag is { } tag && (tag.Contains("nonroot", StringComparison.OrdinalIgnoreCase) || tag.Contains("chiseled", StringComparison.OrdinalIgnoreCase));
}
