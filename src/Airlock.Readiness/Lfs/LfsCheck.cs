using System.Collections.Immutable;
using System.Globalization;
using Airlock.Core.Readiness;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Lfs;

/// <summary>
/// Git LFS pointer texts where the real files are expected. Judged against <c>target.lfs</c> in airlock.yaml:
/// false (the default) means the deploy target checks out without LFS and ships the pointer text.
/// </summary>
internal sealed class LfsCheck : IReadinessCheck
{
    public const string CheckId = "lfs";

    public string Id => CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tree = await WorkingTree.ListAsync(context.Git, context.RepositoryRoot, cancellationToken);
        var resolves = context.Config.Target.Lfs;
        return
        [
            await PointersRowAsync(context.Git, tree, resolves, cancellationToken),
            AttributesRow(tree, resolves),
        ];
    }

    private static async Task<RubricRow> PointersRowAsync(GitRepository git, WorkingTree tree, bool resolves, CancellationToken cancellationToken)
    {
        var found = new SortedDictionary<string, (LfsPointer Pointer, string Where)>(StringComparer.Ordinal);
        foreach (var path in tree.Files)
        {
            var size = tree.SizeOf(path);
            if (size is >= LfsPointer.MinBytes and < LfsPointer.MaxBytes && ReadBytes(tree, path) is { } bytes && LfsPointer.TryParse(bytes) is { } pointer)
            {
                found[path] = (pointer, "in the working tree");
            }
        }

        if (tree.IsGit && await git.HasCommitsAsync(cancellationToken))
        {
            // With git-lfs installed locally the working tree holds the real files; a clone without LFS gets what HEAD holds.
            var candidates = await SmallHeadBlobsAsync(git, cancellationToken);
            var blobs = await BlobBatch.ReadAsync(git, [.. candidates.Values.Distinct(StringComparer.Ordinal)], cancellationToken);
            foreach (var (path, blob) in candidates)
            {
                if (!found.ContainsKey(path) && blobs.TryGetValue(blob, out var content) && LfsPointer.TryParse(content) is { } pointer)
                {
                    found[path] = (pointer, "committed in HEAD (the working tree has the real file because git-lfs is installed here)");
                }
            }
        }

        var evidence = found.Select(f => new Evidence(
                $"Git LFS pointer to a {f.Value.Pointer.Size.ToString("N0", CultureInfo.InvariantCulture)}-byte object (sha256:{f.Value.Pointer.Oid[..12]}), {f.Value.Where}")
            {
                File = f.Key,
                RuleId = "lfs-pointer",
            })
            .ToImmutableArray();
        var row = new RubricRowTemplate
        {
            CheckId = CheckId,
            Row = "pointers",
            FailureMode = "Git LFS pointer files are deployed where the real binary is expected: the app loads a 130-byte text instead of a model",
            Test = "Every working-tree file and every HEAD blob (`git ls-tree -r -l HEAD`) of 100-1023 bytes parsed as a git-lfs "
                + "spec v1 pointer (`version https://git-lfs.github.com/spec/v1`, `oid sha256:<64 hex>`, `size <n>`), judged against target.lfs",
            Severity = Severity.BlocksLaunch,
            Step = CountdownStep.Deploy,
            Fix = "Either make the target fetch LFS objects (run `git lfs install && git lfs pull` in the build, or enable LFS in the "
                + "platform) and set `target.lfs: true` in airlock.yaml, or stop tracking the files with LFS (`git lfs migrate export "
                + "--include=<pattern>`) or download them at build time from an artifact store.",
        };
        return found.Count == 0 ? row.Pass("No Git LFS pointer file in the working tree or HEAD.", evidence)
            : resolves ? row.Pass($"{found.Count} LFS pointer(s); target.lfs is true, so the target resolves them to the real files.", evidence)
            : row.Fail($"{found.Count} LFS pointer(s) and the target does not resolve LFS (target.lfs: false): {string.Join(", ", found.Keys.Take(5))}.", evidence);
    }

    private static RubricRow AttributesRow(WorkingTree tree, bool resolves)
    {
        var patterns = new List<Evidence>();
        foreach (var path in tree.Named(".gitattributes"))
        {
            var lines = (tree.ReadText(path) ?? string.Empty).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var words = lines[i].Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 1 && !words[0].StartsWith('#') && words.Skip(1).Contains("filter=lfs", StringComparer.Ordinal))
                {
                    patterns.Add(new Evidence($"`{words[0]}` is stored in Git LFS") { File = path, Line = i + 1, RuleId = "lfs-pattern" });
                }
            }
        }

        var row = new RubricRowTemplate
        {
            CheckId = CheckId,
            Row = "attributes",
            FailureMode = "Paths are routed to Git LFS while the deploy target does not fetch LFS: the next matching file ships as a pointer",
            Test = "Every .gitattributes line whose attributes include `filter=lfs`, judged against target.lfs in airlock.yaml",
            Severity = Severity.BlocksLaunch,
            Step = CountdownStep.Deploy,
            Fix = "Set `target.lfs: true` once the target fetches LFS objects (`git lfs pull` in the build), or remove the patterns "
                + "(`git lfs untrack <pattern>`) and keep large binaries out of the repository.",
        };
        return patterns.Count == 0 ? row.Pass("No filter=lfs pattern in any .gitattributes.")
            : resolves ? row.Pass($"{patterns.Count} LFS pattern(s); target.lfs is true, so the target fetches them.", [.. patterns])
            : row.Warn($"{patterns.Count} LFS pattern(s) but target.lfs is false: matching files deploy as pointers.", [.. patterns]);
    }

    /// <summary>HEAD blobs small enough to be pointers, by path.</summary>
    private static async Task<Dictionary<string, string>> SmallHeadBlobsAsync(GitRepository git, CancellationToken cancellationToken)
    {
        var output = await git.ReadAsync(["ls-tree", "-r", "-l", "-z", "HEAD"], cancellationToken);
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var meta = tab < 0 ? [] : entry[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (meta.Length == 4 && meta[1] == "blob"
                && long.TryParse(meta[3], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                && size is >= LfsPointer.MinBytes and < LfsPointer.MaxBytes)
            {
                blobs[entry[(tab + 1)..]] = meta[2];
            }
        }

        return blobs;
    }

    private static byte[]? ReadBytes(WorkingTree tree, string path)
    {
        try
        {
            return File.ReadAllBytes(tree.FullPath(path));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
