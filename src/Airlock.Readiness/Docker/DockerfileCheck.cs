using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Docker;

/// <summary>
/// Check 8, <c>dockerfile</c>: every Dockerfile in the working tree against the ways container launches fail
/// (root, single stage, uncached restore, no health check, unpinned base, secrets in ENV/ARG, leaky build context,
/// a shell as PID 1).
/// </summary>
internal sealed class DockerfileCheck : IReadinessCheck
{
    /// <summary>Larger files are not Dockerfiles anyone wrote by hand; they are reported, not parsed.</summary>
    internal const long MaxDockerfileBytes = 1024 * 1024;

    public static IReadOnlyList<DockerfileRule> Rules { get; } =
    [
        new NonRootRule(),
        new MultiStageRule(),
        new LayerCacheRule(),
        new HealthcheckRule(),
        new BaseImagePinnedRule(),
        new SecretsInEnvRule(),
        new DockerignoreRule(),
        new SignalsRule(),
    ];

    public string Id => DockerfileRule.CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<string> files;
        try
        {
            files = await context.Git.ListWorkingTreeFilesAsync(cancellationToken);
        }
        catch (GitException exception)
        {
            return [.. Rules.Select(rule => rule.Template.Skipped($"Skipped: the working tree could not be listed ({exception.Message})"))];
        }

        var paths = files.Where(DockerfileDiscovery.IsDockerfile).ToList();
        var dockerfiles = new List<Dockerfile>(paths.Count);
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            context.Progress.Report(new CheckProgress(Id, "parsing Dockerfiles", dockerfiles.Count, paths.Count, "files"));
            dockerfiles.Add(Read(context, path));
        }

        var scan = new DockerfileScan(context.RepositoryRoot, context.Config, files);
        return [.. Rules.Select(rule => rule.Evaluate(dockerfiles, scan))];
    }

    private static Dockerfile Read(CheckContext context, string path)
    {
        try
        {
            var full = context.FullPath(path);
            // An unreadable or oversized file becomes a Dockerfile without stages, which every rule reports instead of judging.
            return new FileInfo(full).Length > MaxDockerfileBytes
                ? new Dockerfile(path, [], [])
                : DockerfileParser.ParseFile(full, path);
        }
        catch (IOException)
        {
            return new Dockerfile(path, [], []);
        }
        catch (UnauthorizedAccessException)
        {
            return new Dockerfile(path, [], []);
        }
    }
}
