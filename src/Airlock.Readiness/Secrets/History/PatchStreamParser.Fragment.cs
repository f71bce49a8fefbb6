using System.Text;

namespace Airlock.Readiness.Secrets.History;

internal sealed partial class PatchStreamParser
{
    private void Append(ReadOnlySpan<byte> text, int fileLine, List<HistoryFragment> completed)
    {
        var separator = _contentLength > 0 ? 1 : 0;
        if (_contentLength + separator + text.Length <= MaxFragmentBytes)
        {
            AppendLine(text, fileLine, separator);
            return;
        }

        if (_contentLength > 0)
        {
            Flush(completed);
            SplitFragments++;
        }

        while (text.Length > MaxFragmentBytes)
        {
            AppendLine(text[..MaxFragmentBytes], fileLine, separator: 0);
            Flush(completed);
            SplitFragments++;
            text = text[MaxFragmentBytes..];
        }

        AppendLine(text, fileLine, separator: 0);
    }

    private void AppendLine(ReadOnlySpan<byte> text, int fileLine, int separator)
    {
        if (separator == 1)
        {
            _content[_contentLength++] = (byte)'\n';
        }

        text.CopyTo(_content.AsSpan(_contentLength));
        _contentLength += text.Length;
        if (_lineCount == _lines.Length)
        {
            Array.Resize(ref _lines, _lines.Length * 2);
        }

        _lines[_lineCount++] = fileLine;
    }

    private void Flush(List<HistoryFragment> completed)
    {
        if (_lineCount == 0)
        {
            return;
        }

        if (_path is not null)
        {
            // Invalid UTF-8 becomes U+FFFD: secrets are ASCII, and one odd byte must not hide a whole file.
            var content = Encoding.UTF8.GetString(_content.AsSpan(0, _contentLength));
            completed.Add(new HistoryFragment(_commit, _path, content, _lines.AsSpan(0, _lineCount).ToArray(), _sequence++));
        }

        _contentLength = 0;
        _lineCount = 0;
    }
}
