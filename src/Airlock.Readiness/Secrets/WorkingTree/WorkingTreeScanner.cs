using System.Collections.Concurrent;
using System.Text;

namespace Airlock.Readiness.Secrets.WorkingTree;

/// <summary>
/// Reads the files a deploy would see (tracked plus untracked-but-not-ignored, listed by git) and hands
/// each text file to a detector, in parallel. Binary files, files over <see cref="MaxFileBytes"/> and
/// symbolic links (their target is scanned where it is) are skipped.
/// </summary>
internal sealed class WorkingTreeScanner
{
    /// <summary>Files larger than this are reported, not scanned: a secret does not hide in a 10 MiB data dump often enough to pay for it.</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>How far git looks for a NUL byte to call a file binary.</summary>
    private const int BinaryProbeBytes = 8000;

    private readonly string _root;

    public WorkingTreeScanner(string repositoryRoot)
    {
        _root = repositoryRoot;
    }

    public async Task<WorkingTreeScanStats> ScanAsync(
        IEnumerable<string> files,
        Action<WorkingTreeFile> detect,
        CancellationToken cancellationToken)
    {
        var scanned = 0;
        var binary = 0;
        var skipped = new ConcurrentBag<SkippedFile>();
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };
        await Parallel.ForEachAsync(files, options, async (path, token) =>
        {
            var full = Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));
            byte[] bytes;
            try
            {
                var info = new FileInfo(full);
                if (info.LinkTarget is not null)
                {
                    return;
                }

                if (info.Length > MaxFileBytes)
                {
                    skipped.Add(new SkippedFile(path, $"{info.Length / (1024.0 * 1024.0):0.0} MiB, over the {MaxFileBytes / (1024 * 1024)} MiB cap"));
                    return;
                }

                bytes = await File.ReadAllBytesAsync(full, token);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedFile(path, "unreadable: " + exception.GetType().Name));
                return;
            }

            if (bytes.AsSpan(0, Math.Min(bytes.Length, BinaryProbeBytes)).Contains((byte)0))
            {
                Interlocked.Increment(ref binary);
                return;
            }

            detect(new WorkingTreeFile(path, Encoding.UTF8.GetString(bytes)));
            Interlocked.Increment(ref scanned);
        });

        return new WorkingTreeScanStats(scanned, binary, [.. skipped.OrderBy(s => s.Path, StringComparer.Ordinal)]);
    }
}
