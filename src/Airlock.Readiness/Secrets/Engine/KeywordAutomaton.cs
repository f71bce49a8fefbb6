namespace Airlock.Readiness.Secrets.Engine;

/// <summary>
/// Aho-Corasick automaton over lower-case keywords: one pass over a text (lower-cased on the fly)
/// reports which keywords occur, so a rule runs only on text that contains one of its keywords.
/// Immutable after construction, so one instance serves every thread.
/// </summary>
internal sealed class KeywordAutomaton
{
    // Transitions of the complete automaton (failure links folded in) for ASCII, per node; other
    // characters go through the sparse map and failure links.
    private const int Ascii = 128;
    private readonly int[] _asciiNext;
    private readonly Dictionary<char, int>[] _children;
    private readonly int[] _failure;
    private readonly int[][] _outputs;

    public KeywordAutomaton(IReadOnlyList<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        KeywordCount = keywords.Count;
        var children = new List<Dictionary<char, int>> { new() };
        var outputs = new List<List<int>> { new() };
        for (var k = 0; k < keywords.Count; k++)
        {
            var node = 0;
            foreach (var c in keywords[k])
            {
                if (!children[node].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children[node][c] = next;
                    children.Add([]);
                    outputs.Add([]);
                }

                node = next;
            }

            outputs[node].Add(k);
        }

        _children = [.. children];
        _failure = new int[children.Count];
        var queue = new Queue<int>();
        foreach (var child in children[0].Values)
        {
            queue.Enqueue(child);
        }

        // Breadth-first so a node's failure target is final before its children are linked.
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (c, child) in children[node])
            {
                var fail = _failure[node];
                while (fail != 0 && !children[fail].ContainsKey(c))
                {
                    fail = _failure[fail];
                }

                _failure[child] = children[fail].TryGetValue(c, out var target) && target != child ? target : 0;
                outputs[child].AddRange(outputs[_failure[child]]);
                queue.Enqueue(child);
            }
        }

        _outputs = [.. outputs.Select(o => o.Distinct().ToArray())];
        _asciiNext = new int[children.Count * Ascii];
        for (var node = 0; node < children.Count; node++)
        {
            for (var c = 0; c < Ascii; c++)
            {
                _asciiNext[(node * Ascii) + c] = SlowNext(node, (char)c);
            }
        }
    }

    public int KeywordCount { get; }

    /// <summary>Marks in <paramref name="found"/> (one slot per keyword) every keyword that occurs in the text, ignoring case.</summary>
    public void Scan(ReadOnlySpan<char> text, Span<bool> found)
    {
        var node = 0;
        foreach (var raw in text)
        {
            var c = raw < Ascii ? (char)(raw is >= 'A' and <= 'Z' ? raw + 32 : raw) : char.ToLowerInvariant(raw);
            node = c < Ascii ? _asciiNext[(node * Ascii) + c] : SlowNext(node, c);
            foreach (var k in _outputs[node])
            {
                found[k] = true;
            }
        }
    }

    private int SlowNext(int node, char c)
    {
        while (true)
        {
            if (_children[node].TryGetValue(c, out var next))
            {
                return next;
            }

            if (node == 0)
            {
                return 0;
            }

            node = _failure[node];
        }
    }
}
