namespace Airlock.Readiness.Docker;

/// <summary>
/// Judges how each <c>FROM</c> of a Dockerfile pins its base image. Shared by the Dockerfile check
/// and the dependency/runtime pinning checks, so they never disagree on what "pinned" means.
/// </summary>
internal static class BaseImagePinning
{
    /// <summary>
    /// Every <c>FROM</c> that builds on a registry image, in file order; <c>scratch</c> and references to
    /// earlier stages are left out (they pin nothing). Global <c>ARG</c> defaults are applied first.
    /// </summary>
    public static IReadOnlyList<BaseImagePin> Assess(Dockerfile dockerfile)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var defaults = dockerfile.GlobalArgDefaults;
        var pins = new List<BaseImagePin>();
        foreach (var stage in dockerfile.Stages)
        {
            if (dockerfile.ParentOf(stage) is not null)
            {
                continue;
            }

            var written = stage.BaseImage;
            var resolved = written;
            if (written.IsVariable)
            {
                var expanded = DockerVariables.Expand(written.Text, defaults);
                if (string.IsNullOrWhiteSpace(expanded))
                {
                    pins.Add(new BaseImagePin(stage, written, BaseImagePinKind.Unresolved,
                        $"'{written.Text}' depends on a build argument without a default, so the image is chosen at build time"));
                    continue;
                }

                resolved = ImageReference.Parse(expanded);
                if (IsEarlierStage(dockerfile, stage, resolved.Text))
                {
                    continue;
                }
            }

            if (resolved.IsScratch)
            {
                continue;
            }

            pins.Add(Judge(stage, written, resolved));
        }

        return pins;
    }

    /// <summary>The <c>FROM</c> lines on <c>latest</c> or without a tag, with their reason.</summary>
    public static IReadOnlyList<BaseImagePin> FindUnpinned(Dockerfile dockerfile) =>
        [.. Assess(dockerfile).Where(pin => pin.IsUnpinned)];

    private static BaseImagePin Judge(DockerStage stage, ImageReference written, ImageReference image)
    {
        var shown = written.Text == image.Text ? $"'{image.Text}'" : $"'{written.Text}' (= '{image.Text}')";
        if (image.Name.Length == 0)
        {
            return new BaseImagePin(stage, image, BaseImagePinKind.Untagged, "FROM names no image");
        }

        if (image.Digest is { Length: > 0 })
        {
            return new BaseImagePin(stage, image, BaseImagePinKind.Digest, $"{shown} is pinned by digest");
        }

        if (string.IsNullOrEmpty(image.Tag))
        {
            return new BaseImagePin(stage, image, BaseImagePinKind.Untagged,
                $"{shown} has no tag, so Docker pulls 'latest': whatever was pushed last");
        }

        if (string.Equals(image.Tag, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return new BaseImagePin(stage, image, BaseImagePinKind.Latest,
                $"{shown} is on 'latest': whatever was pushed last, new major versions included");
        }

        return new BaseImagePin(stage, image, BaseImagePinKind.Tag,
            $"{shown} is pinned by tag only; the registry can move the tag, a digest cannot move");
    }

    private static bool IsEarlierStage(Dockerfile dockerfile, DockerStage stage, string reference) =>
        dockerfile.Stages.Take(stage.Index).Any(s => string.Equals(s.Name, reference, StringComparison.OrdinalIgnoreCase));
}
