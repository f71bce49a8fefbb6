using Airlock.Core.Config;
using Airlock.Readiness.Git;

namespace Airlock.Readiness.Rubric;

/// <summary>Everything a check may read. One instance per <c>airlock check</c> run.</summary>
public sealed class CheckContext
{
    private readonly Lock _historyLock = new();
    private Task<HistoryFiles>? _history;

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

    /// <summary>
    /// Every blob ever committed, walked once per run however many checks ask (sensitive files, LFS, file sizes).
    /// A walk that was cancelled or failed is retried by the next caller.
    /// </summary>
    internal Task<HistoryFiles> HistoryFilesAsync(string checkId, CancellationToken cancellationToken)
    {
        lock (_historyLock)
        {
            if (_history is null || _history.IsCanceled || _history.IsFaulted)
            {
                _history = HistoryFiles.LoadAsync(Git, Progress, checkId, cancellationToken);
            }

            return _history;
        }
    }
}
