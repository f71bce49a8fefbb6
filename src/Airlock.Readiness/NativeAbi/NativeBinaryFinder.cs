using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.NativeAbi;

/// <summary>Finds ELF files (by magic, not by name) in the working tree and in the <c>--artifact</c> folder.</summary>
internal static class NativeBinaryFinder
{
    /// <summary>Smaller than the 52-byte ELF32 header: cannot be an ELF executable or library.</summary>
    private const long MinimumElfBytes = 52;

    public static async Task<List<NativeBinary>> FindAsync(CheckContext context, string? artifactDirectory, CancellationToken cancellationToken)
    {
        var candidates = new List<(string FullPath, string DisplayPath)>();
        var root = Path.GetFullPath(context.RepositoryRoot);
        if (await context.Git.IsWorkTreeAsync(cancellationToken))
        {
            foreach (var relative in await context.Git.ListWorkingTreeFilesAsync(cancellationToken))
            {
                candidates.Add((context.FullPath(relative), relative));
            }
        }

        if (artifactDirectory is not null)
        {
            var options = new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = true,
                AttributesToSkip = FileAttributes.ReparsePoint,
            };
            foreach (var file in Directory.EnumerateFiles(artifactDirectory, "*", options))
            {
                var relative = Path.GetRelativePath(root, file);
                var display = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
                candidates.Add((file, display.Replace(Path.DirectorySeparatorChar, '/')));
            }
        }

        var binaries = new List<NativeBinary>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i % 500 == 0)
            {
                context.Progress.Report(new CheckProgress(NativeAbiCheck.CheckId, "looking for ELF files", i, candidates.Count, "files"));
            }

            var (fullPath, display) = candidates[i];
            if (seen.Add(fullPath) && Inspect(fullPath, display) is { } binary)
            {
                binaries.Add(binary);
            }
        }

        return binaries;
    }

    private static NativeBinary? Inspect(string fullPath, string display)
    {
        try
        {
            var info = new FileInfo(fullPath);
            // A symlink may point outside the repository (/usr/lib/...): that file is not deployed from here.
            if (info.LinkTarget is not null || info.Length < MinimumElfBytes || !ElfReader.HasElfMagic(fullPath))
            {
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable and unknown: nothing says it is a binary.
            return null;
        }

        try
        {
            return new NativeBinary(display, ElfReader.Read(fullPath), null);
        }
        catch (Exception e) when (e is ElfFormatException or IOException or UnauthorizedAccessException)
        {
            return new NativeBinary(display, null, e.Message);
        }
    }
}
