using System.Text;

namespace ChatAgent.Guard;

/// <summary>
/// One answer's pass through the output check, delta by delta. Text is released as soon as it cannot be part of a
/// leak: everything except the last <c>canary length - 1</c> characters (a canary split across deltas), the word still
/// being written, and the current run of words that matches the system prompt (a verbatim run still growing).
/// Once <see cref="Leaked"/> is set nothing more is released.
/// </summary>
internal sealed class OutputLeakFilter
{
    private readonly SystemPromptLeakCheck _check;
    private readonly StringBuilder _text = new();
    private readonly List<int> _wordStarts = [];
    private int[] _runs;
    private int _released;
    private int _scanned;
    private int _currentRun;

    public OutputLeakFilter(SystemPromptLeakCheck check)
    {
        _check = check;
        _runs = new int[check.PromptWords.Count];
    }

    public bool Leaked { get; private set; }

    /// <summary>Adds a delta; returns the text that is now safe to show (possibly empty).</summary>
    public string Push(string delta)
    {
        _text.Append(delta);
        return Scan(final: false);
    }

    /// <summary>The answer is complete: checks the last word and returns the rest, unless it leaked.</summary>
    public string Flush() => Scan(final: true);

    private string Scan(bool final)
    {
        if (Leaked)
        {
            return string.Empty;
        }

        var text = _text.ToString();
        var pendingWordStart = ReadCompleteWords(text, final);
        if (Leaked || text.Contains(_check.Canary, StringComparison.OrdinalIgnoreCase))
        {
            Leaked = true;
            return string.Empty;
        }

        var safeUpTo = final ? text.Length : Math.Min(text.Length - (_check.Canary.Length - 1), pendingWordStart);
        if (!final && _currentRun > 0)
        {
            safeUpTo = Math.Min(safeUpTo, _wordStarts[^_currentRun]);
        }

        if (safeUpTo <= _released)
        {
            return string.Empty;
        }

        var released = text[_released..safeUpTo];
        _released = safeUpTo;
        return released;
    }

    // Advances over the words that are complete (followed by a non-word character, or the end when final), updating
    // the longest run of system-prompt words ending at each prompt position. Returns where the unfinished word starts.
    private int ReadCompleteWords(string text, bool final)
    {
        var i = _scanned;
        while (true)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (start == text.Length || (i == text.Length && !final))
            {
                _scanned = start;
                return start;
            }

            Advance(text[start..i].ToLowerInvariant(), start);
            if (Leaked)
            {
                _scanned = i;
                return i;
            }
        }
    }

    private void Advance(string word, int start)
    {
        _wordStarts.Add(start);
        var prompt = _check.PromptWords;
        var next = new int[prompt.Count];
        var best = 0;
        for (var j = 0; j < prompt.Count; j++)
        {
            if (string.Equals(prompt[j], word, StringComparison.Ordinal))
            {
                next[j] = (j > 0 ? _runs[j - 1] : 0) + 1;
                best = Math.Max(best, next[j]);
            }
        }

        _runs = next;
        _currentRun = best;
        Leaked = best >= _check.VerbatimRunWords;
    }
}
