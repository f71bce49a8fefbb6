using Airlock.Core.Readiness;

namespace Airlock.Readiness.Docker;

/// <summary><c>dockerfile.base-pinned</c>: every base image is fixed, so a rebuild builds on what was tested.</summary>
internal sealed class BaseImagePinnedRule : DockerfileRule
{
    public override string Row => "base-pinned";

    public override string FailureMode =>
        "Base image not pinned: a rebuild silently picks up a newer image (new runtime major, new libc) and breaks or changes behaviour";

    public override string Test =>
        "Rule: every FROM that is not scratch or an earlier stage, after global ARG defaults are applied: no tag or ':latest' fails; " +
        "a tag without '@sha256:' digest warns; a build argument without a default warns; a digest passes";

    public override Severity Severity => Severity.DegradesIt;

    public override CountdownStep Step => CountdownStep.Build;

    public override string Fix =>
        "Name an exact tag and its digest: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0.4-bookworm-slim@sha256:<digest>' " +
        "(get it with 'docker buildx imagetools inspect IMAGE:TAG'); let Renovate or Dependabot bump both";

    protected override string PassSummary => "Every base image is pinned by digest";

    public override IEnumerable<DockerfileFinding> Inspect(Dockerfile file, DockerfileScan scan)
    {
        var pins = BaseImagePinning.Assess(file);
        if (pins.Count == 0)
        {
            yield return DockerfileFinding.Pass(file, file.FinalStage!.From.Line, "no-base-image", "builds FROM scratch or earlier stages only");
            yield break;
        }

        foreach (var pin in pins)
        {
            yield return pin.Kind switch
            {
                BaseImagePinKind.Digest => DockerfileFinding.Pass(file, pin.Line, "digest", pin.Reason),
                BaseImagePinKind.Tag => DockerfileFinding.Warn(file, pin.Line, "tag-only", pin.Reason),
                BaseImagePinKind.Unresolved => DockerfileFinding.Warn(file, pin.Line, "unresolved", pin.Reason),
                BaseImagePinKind.Latest => DockerfileFinding.Fail(file, pin.Line, "latest", pin.Reason),
                BaseImagePinKind.Untagged => DockerfileFinding.Fail(file, pin.Line, "untagged", pin.Reason),
                _ => throw new InvalidOperationException($"Unknown pin kind {pin.Kind}."),
            };
        }
    }
}
