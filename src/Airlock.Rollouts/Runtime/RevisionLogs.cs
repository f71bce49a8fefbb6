using System.Text;

namespace Airlock.Rollouts.Runtime;

/// <summary>
/// A revision's output files, <c>&lt;revision&gt;.out.log</c> and <c>&lt;revision&gt;.err.log</c>. They are appended to, never
/// truncated, so a restart keeps what the previous run said; a marker line opens each start so the tail of one start
/// can be told from the last.
/// </summary>
internal sealed record RevisionLogs(string Out, string Err)
{
    public const string MarkerPrefix = "==> airlock: ";
    private const int TailBytes = 8192;

    public static RevisionLogs For(string directory, string revision) =>
        new(Path.Combine(directory, revision + ".out.log"), Path.Combine(directory, revision + ".err.log"));

    public void WriteMarker(string text)
    {
        var line = MarkerPrefix + text + Environment.NewLine;
        File.AppendAllText(Out, line);
        File.AppendAllText(Err, line);
    }

    /// <summary>The last lines written since the last marker: standard error when it has any, else standard output.</summary>
    public string? Tail(int lines = 12)
    {
        var err = SinceMarker(Err, lines);
        return err.Length > 0 ? err : SinceMarker(Out, lines) is { Length: > 0 } output ? output : null;
    }

    private static string SinceMarker(string path, int lines)
    {
        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Max(0, stream.Length - TailBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text = reader.ReadToEnd();
        }
        catch (IOException)
        {
            return string.Empty;
        }

        var all = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var marker = all.FindLastIndex(line => line.StartsWith(MarkerPrefix, StringComparison.Ordinal));
        var since = all.Skip(marker + 1).Where(line => line.Length > 0).ToList();
        return string.Join('\n', since.Skip(Math.Max(0, since.Count - lines)));
    }
}
