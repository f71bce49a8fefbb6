using Airlock.Core.Readiness;

namespace Airlock.Readiness.Docker;

/// <summary><c>dockerfile.layer-cache</c>: dependency restore is cached apart from source changes.</summary>
internal sealed class LayerCacheRule : DockerfileRule
{
    public override string Row => "layer-cache";

    public override string FailureMode =>
        "Source copied before the dependency manifests: every code change re-downloads every dependency, so builds are slow and each one re-resolves versions";

    public override string Test =>
        "Rule: in each stage, the first RUN that restores dependencies (dotnet restore, or dotnet publish/build without --no-restore; " +
        "npm ci/install, yarn, pnpm install; pip install -r, poetry install, uv sync; go mod download/go build; cargo fetch/build; " +
        "mvn, gradle; bundle install; composer install) must not come after a COPY/ADD of the whole build context ('.', './', '*')";

    public override Severity Severity => Severity.Cosmetic;

    public override CountdownStep Step => CountdownStep.Build;

    public override string Fix =>
        "Copy the manifests first, restore, then copy the rest: 'COPY *.csproj ./' + 'RUN dotnet restore' + 'COPY . .' " +
        "(npm: 'COPY package.json package-lock.json ./' + 'RUN npm ci'; Python: 'COPY requirements.txt .' + 'RUN pip install -r requirements.txt')";

    protected override string PassSummary => "Dependencies are restored before the source is copied";

    public override IEnumerable<DockerfileFinding> Inspect(Dockerfile file, DockerfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(file);
        var restores = 0;
        foreach (var stage in file.Stages)
        {
            DockerInstruction? wholeCopy = null;
            DockerInstruction? manifestCopy = null;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Keyword is "COPY" or "ADD" && !instruction.Flags.ContainsKey("from"))
                {
                    var sources = Sources(instruction);
                    if (wholeCopy is null && sources.Any(IsWholeContext))
                    {
                        wholeCopy = instruction;
                    }
                    else if (manifestCopy is null && sources.Count > 0 && sources.All(BuildTooling.IsManifest))
                    {
                        manifestCopy = instruction;
                    }
                }
                else if (instruction.Keyword == "RUN" && BuildTooling.FindRestoreCommand(instruction.Script) is { } command)
                {
                    restores++;
                    yield return wholeCopy is not null
                        ? DockerfileFinding.Fail(file, instruction.Line, "source-before-restore",
                            $"'{command}' runs after 'COPY {wholeCopy.Arguments}' (line {wholeCopy.Line}), so any source change invalidates the restore layer")
                        : DockerfileFinding.Pass(file, instruction.Line, "restore-cached",
                            manifestCopy is null
                                ? $"'{command}' runs before the source is copied"
                                : $"'{command}' runs after copying only manifests (line {manifestCopy.Line})");
                    break;
                }
            }
        }

        if (restores == 0)
        {
            yield return DockerfileFinding.Pass(file, null, "no-restore", "no dependency restore step, so there is no restore layer to cache");
        }
    }

    /// <summary>The source arguments of a COPY/ADD (all words but the destination), in shell or JSON form.</summary>
    private static List<string> Sources(DockerInstruction instruction)
    {
        var text = instruction.ArgumentsWithoutFlags.Trim();
        if (text.StartsWith("<<", StringComparison.Ordinal))
        {
            return [];
        }

        var words = text.StartsWith('[')
            ? text.Trim('[', ']').Split(',').Select(w => w.Trim().Trim('"')).ToList()
            : [.. text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];
        return words.Count < 2 ? [] : words[..^1];
    }

    private static bool IsWholeContext(string source) => source.Trim('"') is "." or "./" or "*" or "./*" or "./." or "/";
}
