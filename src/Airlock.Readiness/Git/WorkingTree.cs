namespace Airlock.Readiness.Git;

/// <summary>
/// The files a deploy would see. In a git work tree: tracked plus untracked-but-not-ignored files (what
/// <c>git add -A</c> would commit). In a plain folder: every file except <c>.git</c> and <c>node_modules</c>.
/// </summary>
internal sealed class WorkingTree
{
    private readonly HashSet<string> _files;

    private WorkingTree(string root, IReadOnlyList<string> files, IReadOnlySet<string> tracked, bool isGit)
    {
        Root = root;
        Files = files;
        _files = new HashSet<string>(files, StringComparer.Ordinal);
        Tracked = tracked;
        IsGit = isGit;
    }

    public string Root { get; }

    /// <summary>Repository-relative paths with forward slashes, sorted ordinally.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The subset of <see cref="Files"/> that is in the index.</summary>
    public IReadOnlySet<string> Tracked { get; }

    public bool IsGit { get; }

    public static async Task<WorkingTree> ListAsync(GitRepository git, string root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        if (await git.IsWorkTreeAsync(cancellationToken))
        {
            var files = await git.ListWorkingTreeFilesAsync(cancellationToken);
            var cached = await git.ReadAsync(["ls-files", "-z", "--cached"], cancellationToken);
            var tracked = cached.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            return new WorkingTree(root, files, tracked, isGit: true);
        }

        var all = new SortedSet<string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        foreach (var full in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
            var segments = relative.Split('/');
            if (!segments.Any(s => s is ".git" or "node_modules"))
            {
                all.Add(relative);
            }
        }

        return new WorkingTree(root, [.. all], new HashSet<string>(StringComparer.Ordinal), isGit: false);
    }

    public bool Contains(string relativePath) => _files.Contains(relativePath);

    /// <summary>Files whose name (last path segment) is one of <paramref name="names"/>, case-sensitively as on Linux.</summary>
    public IEnumerable<string> Named(params string[] names) =>
        Files.Where(f => names.Contains(NameOf(f), StringComparer.Ordinal));

    public static string NameOf(string relativePath) => relativePath[(relativePath.LastIndexOf('/') + 1)..];

    /// <summary>The folder of a path ("" at the root).</summary>
    public static string FolderOf(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? string.Empty : relativePath[..slash];
    }

    /// <summary>Joins a folder ("" for the root) and a name.</summary>
    public static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

    /// <summary>A folder and its parents up to the root (""), nearest first.</summary>
    public static IEnumerable<string> FolderAndParents(string folder)
    {
        while (true)
        {
            yield return folder;
            if (folder.Length == 0)
            {
                yield break;
            }

            folder = FolderOf(folder);
        }
    }

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Size of a working-tree file, or -1 when it vanished since listing.</summary>
    public long SizeOf(string relativePath)
    {
        var info = new FileInfo(FullPath(relativePath));
        return info.Exists ? info.Length : -1;
    }

    /// <summary>Reads a small text file; null when it is missing, unreadable, or larger than <paramref name="maxBytes"/>.</summary>
    public string? ReadText(string relativePath, long maxBytes = 4 * 1024 * 1024)
    {
        try
        {
            var info = new FileInfo(FullPath(relativePath));
            return info.Exists && info.Length <= maxBytes ? File.ReadAllText(info.FullName) : null;
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
