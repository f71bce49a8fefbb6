using System.Globalization;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Git;

/// <summary>
/// Every blob ever committed at every path, on every ref, with its size and the oldest commit that added it.
/// Built in one streamed walk of <c>git log --all --raw</c> plus one <c>git cat-file --batch-check</c>, and shared
/// by the checks that need history (sensitive files, LFS, file sizes) through <see cref="CheckContext"/>.
/// </summary>
internal sealed class HistoryFiles
{
    /// <summary>The walk, as a teammate can rerun it.</summary>
    public const string LogCommand =
        "git log --all --raw --no-abbrev --no-renames --diff-merges=first-parent --format=%H";

    /// <summary>The size lookup, fed the blob ids found by <see cref="LogCommand"/>.</summary>
    public const string SizeCommand = "git cat-file --batch-check='%(objectname) %(objectsize)'";

    private const string ZeroId = "0000000000000000000000000000000000000000";
    private const int ProgressEvery = 1000;

    private HistoryFiles(IReadOnlyList<HistoryBlob> blobs, int commitCount)
    {
        Blobs = blobs;
        CommitCount = commitCount;
    }

    /// <summary>Every (path, blob) pair that entered history, ordered by path.</summary>
    public IReadOnlyList<HistoryBlob> Blobs { get; }

    /// <summary>Commits walked; zero when the repository has no commits.</summary>
    public int CommitCount { get; }

    public static async Task<HistoryFiles> LoadAsync(
        GitRepository git,
        IProgress<CheckProgress> progress,
        string checkId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(progress);
        if (!await git.HasCommitsAsync(cancellationToken))
        {
            return new HistoryFiles([], 0);
        }

        // Keyed by path then blob; the log walks newest first, so the last commit seen for a pair is the oldest.
        var firstCommits = new Dictionary<(string Path, string Blob), (string Commit, int Walked)>();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var commits = 0;
        var commit = string.Empty;
        string[] arguments =
        [
            "log", "--all", "--raw", "--no-abbrev", "--no-renames", "--diff-merges=first-parent", "--format=%H",
            "--no-ext-diff", "--no-textconv",
        ];
        await foreach (var line in git.StreamLinesAsync(arguments, cancellationToken))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] != ':')
            {
                commit = line.Trim();
                if (++commits % ProgressEvery == 0)
                {
                    progress.Report(new CheckProgress(checkId, "walking history", commits, null, "commits"));
                }

                continue;
            }

            if (TryParseRaw(line, out var path, out var blob))
            {
                if (!paths.TryGetValue(path, out var pooled))
                {
                    pooled = path;
                    paths.Add(path, path);
                }

                firstCommits[(pooled, blob)] = (commit, commits - 1);
            }
        }

        progress.Report(new CheckProgress(checkId, "walking history", commits, commits, "commits"));
        var sizes = await ReadSizesAsync(git, firstCommits.Keys.Select(k => k.Blob).Distinct(StringComparer.Ordinal), cancellationToken);
        var blobs = firstCommits
            .Select(pair => new HistoryBlob(
                pair.Key.Path,
                pair.Key.Blob,
                sizes.GetValueOrDefault(pair.Key.Blob, -1),
                pair.Value.Commit,
                commits - 1 - pair.Value.Walked))
            .OrderBy(b => b.Path, StringComparer.Ordinal)
            .ThenBy(b => b.FirstCommitOrder)
            .ToList();
        return new HistoryFiles(blobs, commits);
    }

    /// <summary>Parses <c>:100644 100644 &lt;old&gt; &lt;new&gt; M\tpath</c>; false for deletions, submodules and oddities.</summary>
    internal static bool TryParseRaw(string line, out string path, out string blob)
    {
        path = string.Empty;
        blob = string.Empty;
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0)
        {
            return false;
        }

        var fields = line[1..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5)
        {
            return false;
        }

        var newMode = fields[1];
        var newId = fields[3];
        // 160000 is a submodule commit, not a blob in this repository; all-zero ids mean "deleted".
        if (newMode is "000000" or "160000" || newId.All(c => c == '0') || newId.Length < ZeroId.Length)
        {
            return false;
        }

        path = GitQuotedPath.Unquote(line[(tab + 1)..]);
        blob = newId;
        return path.Length > 0;
    }

    private static async Task<Dictionary<string, long>> ReadSizesAsync(
        GitRepository git,
        IEnumerable<string> blobIds,
        CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        await CatFileBatch.RunAsync(
            git,
            "--batch-check=%(objectname) %(objectsize)",
            SizeCommand,
            blobIds,
            async stdout =>
            {
                while (await stdout.ReadLineAsync(cancellationToken) is { } line)
                {
                    var parts = line.Split(' ');
                    if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                    {
                        sizes[parts[0]] = size;
                    }
                }
            },
            cancellationToken);
        return sizes;
    }
}
