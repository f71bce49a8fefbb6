using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.FileSizes;

/// <summary>
/// Files near hosting limits, in the working tree and in every blob ever committed: a large file deleted later
/// is still in the history a push sends, so the host still rejects it.
/// </summary>
internal sealed class FileSizesCheck : IReadinessCheck
{
    public const string CheckId = "file-sizes";

    public string Id => CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var thresholds = context.Config.Thresholds;
        var tree = await WorkingTree.ListAsync(context.Git, context.RepositoryRoot, cancellationToken);
        var treeFindings = tree.Files
            .Select(path => (Path: path, Size: tree.SizeOf(path)))
            .Select(f => new SizeFinding(f.Path, f.Size, Classify(f.Size, thresholds), null))
            .Where(f => f.Level != SizeLevel.None)
            .ToList();
        var inLfs = tree.IsGit ? await LfsTrackedAsync(context.Git, treeFindings.Select(f => f.Path), cancellationToken) : [];
        var treeRow = Conclude(
            Row("tree", "Every file of `git ls-files --cached --others --exclude-standard` by size on disk", thresholds),
            [.. treeFindings.Where(f => !inLfs.Contains(f.Path))],
            thresholds,
            "in the working tree",
            inLfs.Select(p => new Evidence("stored in Git LFS: the git push limit does not apply (LFS has its own per-file limit)") { File = p }));

        var historyRow = Row("history", $"Every blob ever committed on any ref (`{HistoryFiles.LogCommand}`, sizes from `{HistoryFiles.SizeCommand}`)", thresholds);
        if (!tree.IsGit)
        {
            return [treeRow, historyRow.Skipped("Not a git repository: there is no history to scan.")];
        }

        var history = await context.HistoryFilesAsync(CheckId, cancellationToken);
        if (history.CommitCount == 0)
        {
            return [treeRow, historyRow.Skipped("The repository has no commits yet.")];
        }

        var historyFindings = history.Blobs
            .Select(b => new SizeFinding(b.Path, b.Size, Classify(b.Size, thresholds), b.FirstCommit))
            .Where(f => f.Level != SizeLevel.None)
            .ToList();
        return [treeRow, Conclude(historyRow, historyFindings, thresholds, $"in {history.CommitCount} commit(s) of history", [])];
    }

    internal static SizeLevel Classify(long size, ThresholdsConfig thresholds) =>
        size >= thresholds.FileFailBytes ? SizeLevel.Fail
        : size >= thresholds.FileWarnBytes ? SizeLevel.Warn
        : size >= thresholds.FileNoteBytes ? SizeLevel.Note
        : SizeLevel.None;

    private static RubricRowTemplate Row(string row, string test, ThresholdsConfig thresholds) => new()
    {
        CheckId = CheckId,
        Row = row,
        FailureMode = "A file over the host's push limit: the push is rejected, so the deploy never receives the commit",
        Test = $"{test}: >= {ByteSize.Format(thresholds.FileFailBytes)} fails (push limit), >= {ByteSize.Format(thresholds.FileWarnBytes)} "
            + $"warns (push warning), >= {ByteSize.Format(thresholds.FileNoteBytes)} is noted (web upload limit)",
        Severity = Severity.BlocksLaunch,
        Step = CountdownStep.Deploy,
        Fix = "Keep large files out of git: download them at build time from an artifact store, or track them with Git LFS "
            + "(and set target.lfs). A file already committed must be purged from history (`git filter-repo --strip-blobs-bigger-than 100M`) "
            + "before the push is accepted. Thresholds are set under `thresholds` in airlock.yaml.",
    };

    private static RubricRow Conclude(RubricRowTemplate row, List<SizeFinding> findings, ThresholdsConfig thresholds, string where, IEnumerable<Evidence> notes)
    {
        var ordered = findings.OrderByDescending(f => f.Size).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        var evidence = ordered.Select(f => new Evidence(Describe(f, thresholds))
        {
            File = f.Path,
            Commit = f.Commit,
            RuleId = f.Level.ToString().ToLowerInvariant(),
        }).Concat(notes).ToList();
        var fails = ordered.Count(f => f.Level == SizeLevel.Fail);
        var warns = ordered.Count(f => f.Level == SizeLevel.Warn);
        var largest = ordered.Count == 0 ? string.Empty : $" Largest: {ordered[0].Path} ({ByteSize.Format(ordered[0].Size)}).";
        return fails > 0 ? row.Fail($"{fails} file(s) over the push limit {where}.{largest}", [.. evidence])
            : warns > 0 ? row.Warn($"{warns} file(s) over the push warning size {where}.{largest}", [.. evidence])
            : ordered.Count > 0 ? row.Pass($"{ordered.Count} file(s) over the web upload limit {where} (a push still works).{largest}", [.. evidence])
            : row.Pass($"No file of {ByteSize.Format(thresholds.FileNoteBytes)} or more {where}.", [.. evidence]);
    }

    private static string Describe(SizeFinding finding, ThresholdsConfig thresholds)
    {
        var size = ByteSize.Format(finding.Size);
        var commit = finding.Commit is null ? string.Empty : $", committed in {finding.Commit[..12]}";
        return finding.Level switch
        {
            SizeLevel.Fail => $"{size} >= {ByteSize.Format(thresholds.FileFailBytes)}: pushes are rejected{commit}",
            SizeLevel.Warn => $"{size} >= {ByteSize.Format(thresholds.FileWarnBytes)}: the host warns on push{commit}",
            SizeLevel.Note => $"{size} >= {ByteSize.Format(thresholds.FileNoteBytes)}: too large for web upload{commit}",
            _ => size,
        };
    }

    /// <summary>The paths whose <c>filter</c> attribute is <c>lfs</c> (<c>git check-attr -z filter</c>).</summary>
    private static async Task<HashSet<string>> LfsTrackedAsync(GitRepository git, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var list = paths.ToList();
        var tracked = new HashSet<string>(StringComparer.Ordinal);
        if (list.Count == 0)
        {
            return tracked;
        }

        var output = await git.ReadAsync(["check-attr", "-z", "filter", "--", .. list], cancellationToken);
        var fields = output.Split('\0');
        for (var i = 0; i + 2 < fields.Length; i += 3)
        {
            if (fields[i + 2] == "lfs")
            {
                tracked.Add(fields[i]);
            }
        }

        return tracked;
    }
}
