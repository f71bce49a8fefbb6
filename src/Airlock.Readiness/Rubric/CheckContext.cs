using Airlock.Core.Config;
using Airlock.Readiness.Git;

namespace Airlock.Readiness.Rubric;

/// <summary>Everything a check may read. One instance per <c>airlock check</c> run.</summary>
public sealed class CheckContext
{
    /// <summary>Absolute path of the repository's working tree root.</summary>
    public required string RepositoryRoot { get; init; }

    public required AirlockConfig Config { get; init; }

    public required GitRepository Git { get; init; }

    /// <summary><c>--rules FILE</c>: a gitleaks-format config that replaces the default secret rules.</summary>
    public string? RulesFile { get; init; }

    /// <summary><c>--baseline FILE</c>: overrides <c>secrets.baseline</c>.</summary>
    public string? BaselineFile { get; init; }

    /// <summary><c>--artifact DIR</c>: a publish folder to inspect as well (native ABI).</summary>
    public string? ArtifactDirectory { get; init; }

    public IProgress<CheckProgress> Progress { get; init; } = new Progress<CheckProgress>();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Resolves a repository-relative path (forward slashes) to an absolute one.</summary>
    public string FullPath(string relativePath) =>
        Path.GetFullPath(Path.Combine(RepositoryRoot, relativePath.Replace('/', Path.DirectorySeparatorChar)));
}
