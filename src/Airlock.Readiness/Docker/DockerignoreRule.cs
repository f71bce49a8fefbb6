using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Docker;

/// <summary><c>dockerfile.dockerignore</c>: the build context leaves out the git history and local env files.</summary>
internal sealed class DockerignoreRule : DockerfileRule
{
    public override string Row => "dockerignore";

    public override string FailureMode =>
        "The build context includes .git or .env: 'COPY . .' bakes the whole git history and local secrets into the image";

    public override string Test =>
        "Rule: for each Dockerfile, the nearest ignore file (<Dockerfile>.dockerignore beside it, else .dockerignore in its folder " +
        "or the nearest parent folder up to the repository root, which is taken as the build context) must exclude '.git' and '.env' " +
        "(plus any .env.* file present there) under Docker's matching rules (last match wins, '!' re-includes, '**/' for any depth)";

    public override Severity Severity => Severity.DegradesIt;

    public override CountdownStep Step => CountdownStep.Build;

    public override string Fix =>
        "Add a .dockerignore at the build context root with at least:\n.git\n**/.env\n**/.env.*\n!**/.env.example\n**/bin\n**/obj\n**/node_modules";

    protected override string PassSummary => "The .dockerignore keeps .git and .env out of the build context";

    public override IEnumerable<DockerfileFinding> Inspect(Dockerfile file, DockerfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(scan);
        if (scan.RepositoryRoot is null)
        {
            yield break;
        }

        var ignore = FindIgnoreFile(file.Path, scan);
        if (ignore is null)
        {
            var copiesAll = CopiesWholeContext(file);
            var envFiles = EnvFiles(scan, ContextOf(file.Path));
            yield return DockerfileFinding.Fail(file, null, envFiles.Count > 0 && copiesAll ? "no-dockerignore-env-present" : "no-dockerignore",
                $"no .dockerignore for this Dockerfile, so .git and .env are sent to the build{(envFiles.Count > 0 ? $" ({string.Join(", ", envFiles)} exists)" : string.Empty)}");
            yield break;
        }

        var (ignorePath, context) = ignore.Value;
        string text;
        string? error = null;
        try
        {
            text = File.ReadAllText(Full(scan, ignorePath));
        }
        catch (IOException exception)
        {
            text = string.Empty;
            error = exception.Message;
        }

        if (error is not null)
        {
            yield return DockerfileFinding.Warn(file, null, "dockerignore-unreadable", $"{ignorePath} could not be read: {error}");
            yield break;
        }

        var patterns = DockerignorePatterns.Parse(text);
        var envPresent = EnvFiles(scan, context);
        var required = new List<string> { ".git", ".env" };
        required.AddRange(envPresent.Select(f => Relative(context, f)).Where(f => f != ".env"));
        var missing = required.Distinct(StringComparer.Ordinal).Where(path => patterns.ExcludedBy(path) is null).ToList();
        if (missing.Count == 0)
        {
            yield return DockerfileFinding.Pass(file, null, "dockerignore-complete", $"{ignorePath} excludes .git and .env");
            yield break;
        }

        var leaked = envPresent.Where(f => missing.Contains(Relative(context, f))).ToList();
        var rule = leaked.Count > 0 && CopiesWholeContext(file) ? "dockerignore-env-present" : "dockerignore-incomplete";
        yield return new DockerfileFinding(CheckResult.Fail, new Evidence(
            $"{ignorePath} does not exclude {string.Join(", ", missing)}{(leaked.Count > 0 ? $" ({string.Join(", ", leaked)} exists and would be sent)" : string.Empty)}")
        {
            File = ignorePath,
            RuleId = rule,
        });
    }

    /// <summary>A real .env in a context that 'COPY . .' sends is a leaked secret, which blocks the launch.</summary>
    protected override Severity SeverityFor(IReadOnlyList<DockerfileFinding> findings) =>
        findings.Any(f => f.Evidence.RuleId is "dockerignore-env-present" or "no-dockerignore-env-present") ? Severity.BlocksLaunch : Severity;

    private static (string IgnorePath, string Context)? FindIgnoreFile(string dockerfilePath, DockerfileScan scan)
    {
        var specific = dockerfilePath + ".dockerignore";
        var folder = ContextOf(dockerfilePath);
        if (File.Exists(Full(scan, specific)))
        {
            return (specific, folder);
        }

        for (var current = folder; ; current = Parent(current))
        {
            var candidate = current.Length == 0 ? ".dockerignore" : current + "/.dockerignore";
            if (File.Exists(Full(scan, candidate)))
            {
                return (candidate, current);
            }

            if (current.Length == 0)
            {
                return null;
            }
        }
    }

    /// <summary>.env and .env.* files in the context folder on disk (ignored files included: a local build sends them), templates left out.</summary>
    private static List<string> EnvFiles(DockerfileScan scan, string context)
    {
        var folder = Full(scan, context.Length == 0 ? "." : context);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, ".env*")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name == ".env" || (name.StartsWith(".env.", StringComparison.Ordinal) && !IsTemplate(name)))
            .Select(name => context.Length == 0 ? name : $"{context}/{name}")
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsTemplate(string name) =>
        name.EndsWith(".example", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".sample", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".template", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dist", StringComparison.OrdinalIgnoreCase);

    private static bool CopiesWholeContext(Dockerfile file) =>
        file.Instructions.Any(i => i.Keyword is "COPY" or "ADD" && !i.Flags.ContainsKey("from")
            && i.ArgumentsWithoutFlags.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } words
            && words[..^1].Any(w => w.Trim('"', '[', ']', ',') is "." or "./" or "*" or "./*"));

    private static string ContextOf(string dockerfilePath) => Parent(dockerfilePath);

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static string Relative(string context, string path) => context.Length == 0 ? path : path[(context.Length + 1)..];

    private static string Full(DockerfileScan scan, string relative) =>
        Path.Combine(scan.RepositoryRoot!, relative.Replace('/', Path.DirectorySeparatorChar));
}
