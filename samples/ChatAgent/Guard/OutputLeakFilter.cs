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

        // Only the tail can change the verdict: everything before the oldest of (unreleased text, unscanned word,
        // last canary-length window) was checked already. Working on that window keeps a long stream linear.
        var windowStart = Math.Min(_released, Math.Min(_scanned, Math.Max(0, _text.Length - _check.Canary.Length)));
        var window = _text.ToString(windowStart, _text.Length - windowStart);
        var pendingWordStart = ReadCompleteWords(window, windowStart, final);
        if (Leaked || window.Contains(_check.Canary, StringComparison.OrdinalIgnoreCase))
        {
            Leaked = true;
            return string.Empty;
        }

        var end = _text.Length;
        var safeUpTo = final ? end : Math.Min(end - (_check.Canary.Length - 1), pendingWordStart);
        if (!final && _currentRun > 0)
        {
            safeUpTo = Math.Min(safeUpTo, _wordStarts[^_currentRun]);
        }

        if (safeUpTo <= _released)
        {
            return string.Empty;
        }

        var released = window[(_released - windowStart)..(safeUpTo - windowStart)];
        _released = safeUpTo;
        return released;
    }

    // Advances over the words that are complete (followed by a non-word character, or the end when final), updating
    // the longest run of system-prompt words ending at each prompt position. Returns where the unfinished word starts.
    // Positions are in the whole answer; the window starts at offset.
    private int ReadCompleteWords(string window, int offset, bool final)
    {
        var i = _scanned - offset;
        while (true)
        {
            while (i < window.Length && !char.IsLetterOrDigit(window[i]))
            {
                i++;
            }

            var start = i;
            while (i < window.Length && char.IsLetterOrDigit(window[i]))
            {
                i++;
            }

            if (start == window.Length || (i == window.Length && !final))
            {
                _scanned = offset + start;
                return offset + start;
            }

            Advance(window[start..i].ToLowerInvariant(), offset + start);
            if (Leaked)
            {
                _scanned = offset + i;
                return offset + i;
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
