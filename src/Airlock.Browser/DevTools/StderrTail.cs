using System.Text;

namespace Airlock.Browser.DevTools;

/// <summary>The last lines of the browser's stderr, for launch failure messages.</summary>
internal sealed class StderrTail
{
    private const int MaxLines = 20;
    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return new StringBuilder().AppendJoin(Environment.NewLine, _lines).ToString();
        }
    }
}
