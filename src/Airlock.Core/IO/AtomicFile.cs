namespace Airlock.Core.IO;

/// <summary>
/// Writes files so that a reader sees the old content or the new, never half of one: the content goes to a
/// temp file in the same folder, is flushed to disk, and is renamed over the target.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);

        // Without a check before the rename nothing here awaits, so the task has completed when it returns.
        WriteAsync(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(content);
        }, beforeReplace: null, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Writes through <paramref name="write"/> into the temp file, then runs <paramref name="beforeReplace"/> (if any)
    /// just before the rename: it may throw to keep the target as it was, for example when the target changed since
    /// it was read. The temp file never outlives the call.
    /// </summary>
    public static async Task WriteAsync(string path, Action<Stream> write, Func<CancellationToken, Task>? beforeReplace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (beforeReplace is not null)
            {
                await beforeReplace(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
