using System.Text;

namespace Airlock.Readiness.Secrets.History;

/// <summary>
/// Parses the output of <see cref="HistoryLog.Arguments"/> incrementally, as raw bytes, into one
/// <see cref="HistoryFragment"/> per (commit, file) holding only the added lines. Only the current
/// fragment is held, and it is capped: past <see cref="MaxFragmentBytes"/> it is emitted and a new
/// one started, and a longer line is cut into pieces that map to the same file line.
/// </summary>
internal sealed partial class PatchStreamParser
{
    /// <summary>Starts each commit's line (<c>%x1f%H</c>): a byte no patch line begins with.</summary>
    public const byte CommitMarker = 0x1F;

    private readonly byte[] _content;
    private int[] _lines = new int[256];
    private int _contentLength;
    private int _lineCount;

    private string _commit = string.Empty;
    private string? _path;
    private PatchState _state = PatchState.BetweenFiles;
    private int _nextFileLine;
    private long _sequence;

    // Set while a line longer than the read buffer is being delivered in pieces.
    private LineKind _continuing = LineKind.None;

    public PatchStreamParser(int maxFragmentBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFragmentBytes, 16);
        MaxFragmentBytes = maxFragmentBytes;
        _content = new byte[maxFragmentBytes];
    }

    public int MaxFragmentBytes { get; }

    /// <summary>Commit headers seen so far.</summary>
    public long Commits { get; private set; }

    /// <summary>Fragments emitted because a file's added lines passed the cap (one per extra piece).</summary>
    public long SplitFragments { get; private set; }

    /// <summary>Lines longer than the cap, cut into pieces.</summary>
    public long LongLines { get; private set; }

    /// <summary>
    /// Consumes every complete line of <paramref name="buffer"/> and returns how many bytes it consumed;
    /// the caller keeps the rest for the next call. Finished fragments are added to <paramref name="completed"/>.
    /// </summary>
    public int Parse(ReadOnlySpan<byte> buffer, List<HistoryFragment> completed)
    {
        var consumed = 0;
        while (consumed < buffer.Length)
        {
            var remaining = buffer[consumed..];
            var newline = remaining.IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            var line = remaining[..newline];
            if (_continuing != LineKind.None)
            {
                ContinueLine(line, lineEnds: true, completed);
            }
            else
            {
                OnLine(line, completed);
            }

            consumed += newline + 1;
        }

        return consumed;
    }

    /// <summary>
    /// Takes the start (or the next piece) of a line that does not fit the caller's buffer; the rest of the
    /// line follows in later calls.
    /// </summary>
    public void ParseLinePiece(ReadOnlySpan<byte> piece, List<HistoryFragment> completed)
    {
        if (_continuing == LineKind.None)
        {
            LongLines++;
            _continuing = piece.Length > 0 && piece[0] == (byte)'+' && _state == PatchState.InHunks ? LineKind.Added : LineKind.Ignored;
            if (_continuing == LineKind.Added)
            {
                Append(piece[1..], _nextFileLine++, completed);
            }

            return;
        }

        ContinueLine(piece, lineEnds: false, completed);
    }

    /// <summary>Ends the stream: a final line without a newline is parsed, the last fragment emitted.</summary>
    public void Complete(ReadOnlySpan<byte> rest, List<HistoryFragment> completed)
    {
        if (!rest.IsEmpty)
        {
            if (_continuing != LineKind.None)
            {
                ContinueLine(rest, lineEnds: true, completed);
            }
            else
            {
                OnLine(rest, completed);
            }
        }

        Flush(completed);
    }

    private void ContinueLine(ReadOnlySpan<byte> piece, bool lineEnds, List<HistoryFragment> completed)
    {
        if (_continuing == LineKind.Added)
        {
            var text = lineEnds ? TrimCarriageReturn(piece) : piece;
            if (!text.IsEmpty)
            {
                // The piece belongs to the line already started; it maps to the same file line.
                Append(text, _nextFileLine - 1, completed);
            }
        }

        if (lineEnds)
        {
            _continuing = LineKind.None;
        }
    }

    private void OnLine(ReadOnlySpan<byte> line, List<HistoryFragment> completed)
    {
        if (line.IsEmpty)
        {
            return;
        }

        var first = line[0];
        if (_state == PatchState.InHunks)
        {
            switch (first)
            {
                case (byte)'+':
                    if (_path is not null)
                    {
                        Append(TrimCarriageReturn(line[1..]), _nextFileLine, completed);
                    }

                    _nextFileLine++;
                    return;
                case (byte)'-' or (byte)'\\' or (byte)' ':
                    return;
                case (byte)'@':
                    _nextFileLine = HunkHeader.NewStart(line);
                    return;
                default:
                    break;
            }
        }

        if (first == CommitMarker)
        {
            Flush(completed);
            _commit = Encoding.ASCII.GetString(line[1..].Trim((byte)' '));
            _path = null;
            _state = PatchState.BetweenFiles;
            Commits++;
            return;
        }

        if (line.StartsWith("diff "u8))
        {
            Flush(completed);
            _path = null;
            _state = PatchState.InHeader;
            return;
        }

        if (_state != PatchState.InHeader)
        {
            return;
        }

        if (line.StartsWith("+++ "u8))
        {
            _path = GitQuotedPath.Decode(line[4..], "b/"u8);
        }
        else if (line.StartsWith("@@ "u8))
        {
            _state = PatchState.InHunks;
            _nextFileLine = HunkHeader.NewStart(line);
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private enum PatchState
    {
        BetweenFiles,
        InHeader,
        InHunks,
    }

    private enum LineKind
    {
        None,
        Added,
        Ignored,
    }
}
