namespace Airlock.Readiness.Docker;

/// <summary>How one <c>FROM</c> line pins its base image.</summary>
/// <param name="Stage">The stage the <c>FROM</c> starts.</param>
/// <param name="Image">The image after build-argument defaults are applied (as written when <see cref="Kind"/> is <see cref="BaseImagePinKind.Unresolved"/>).</param>
/// <param name="Kind">How firmly it is pinned.</param>
/// <param name="Reason">One line a user reads, naming the image.</param>
internal sealed record BaseImagePin(DockerStage Stage, ImageReference Image, BaseImagePinKind Kind, string Reason)
{
    public int Line => Stage.From.Line;

    /// <summary>True for <c>latest</c> and no tag: the build pulls whatever is newest, so the dependency is not pinned at all.</summary>
    public bool IsUnpinned => Kind is BaseImagePinKind.Latest or BaseImagePinKind.Untagged;
}
