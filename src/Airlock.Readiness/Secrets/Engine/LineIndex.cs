namespace Airlock.Readiness.Secrets.Engine;

/// <summary>Maps offsets in a text to 1-based lines and columns; built once per fragment, only when something matched.</summary>
internal sealed class LineIndex
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    public LineIndex(string text)
    {
        _text = text;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _lineStarts.Add(i + 1);
        }
    }

    /// <summary>The 1-based line and column of an offset, and the offset where its line starts.</summary>
    public (int Line, int Column, int LineStart) Locate(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        var start = _lineStarts[index];
        return (index + 1, offset - start + 1, start);
    }

    /// <summary>The offset just past the last character of the line holding <paramref name="offset"/> (before its newline).</summary>
    public int EndOfLine(int offset)
    {
        var newline = _text.IndexOf('\n', offset);
        return newline < 0 ? _text.Length : newline;
    }
}
