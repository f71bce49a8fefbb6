using Airlock.Core.Readiness;

namespace Airlock.Readiness.Docker;

/// <summary><c>dockerfile.multi-stage</c>: the image that ships carries the runtime, not the SDK and the build.</summary>
internal sealed class MultiStageRule : DockerfileRule
{
    public override string Row => "multi-stage";

    public override string FailureMode =>
        "Single-stage build: the shipped image carries the SDK, compilers and sources, so it is several times larger " +
        "(slower pulls on every deploy and rollback) and gives an attacker a toolchain";

    public override string Test =>
        "Rule: the final stage (and the stages it is built FROM) must not start from a build image " +
        "(dotnet/sdk, golang, rust, maven, gradle, gcc, buildpack-deps, openjdk, *-jdk) and must not RUN a build " +
        "(dotnet publish/build, go build, cargo build, mvn package, gradle build, npm/yarn/pnpm run build, tsc, javac, make, gcc)";

    public override Severity Severity => Severity.DegradesIt;

    public override CountdownStep Step => CountdownStep.Deploy;

    public override string Fix =>
        "Build in a first stage ('FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build' ... 'RUN dotnet publish -o /app') and copy only " +
        "the output into a runtime stage ('FROM mcr.microsoft.com/dotnet/aspnet:9.0' ... 'COPY --from=build /app /app')";

    protected override string PassSummary => "The final stage starts from a runtime image and builds nothing";

    public override IEnumerable<DockerfileFinding> Inspect(Dockerfile file, DockerfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(file);
        var final = file.FinalStage!;
        var lineage = file.Lineage(final).ToList();
        var found = false;
        var root = lineage[^1];
        if (BuildTooling.IsBuildImage(root.BaseImage))
        {
            found = true;
            var via = root == final ? string.Empty : $" (through stage '{final.BaseImage.Text}')";
            yield return DockerfileFinding.Fail(file, root.From.Line, "sdk-final-stage",
                $"the final image is built on '{root.BaseImage.Text}', a build image{via}");
        }

        foreach (var stage in lineage)
        {
            foreach (var run in stage.Instructions.Where(i => i.Keyword == "RUN"))
            {
                if (BuildTooling.FindBuildCommand(run.Script) is { } command)
                {
                    found = true;
                    var where = file.Stages.Count == 1 ? "the only stage" : stage == final ? "the final stage" : $"stage '{stage.Name}', which the final stage is built on,";
                    yield return DockerfileFinding.Fail(file, run.Line, "build-in-final-stage", $"{where} runs '{command}'");
                    break;
                }
            }
        }

        if (!found)
        {
            yield return DockerfileFinding.Pass(file, final.From.Line, "runtime-final-stage",
                $"final stage starts from '{final.BaseImage.Text}' and runs no build");
        }
    }
}
