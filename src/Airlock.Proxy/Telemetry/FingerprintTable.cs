using System.Collections.Concurrent;

namespace Airlock.Proxy.Telemetry;

/// <summary>
/// The distinct error fingerprints of one revision, bounded: the first <see cref="Capacity"/> keys get their own index,
/// every later one is counted as <see cref="Overflow"/>, so an app that puts request ids in its error codes cannot grow
/// the proxy's memory or the metrics' cardinality. Indexes are stable, so window slots store counts by index.
/// </summary>
internal sealed class FingerprintTable
{
    public const int Capacity = 64;
    public const string Overflow = "other";

    /// <summary>Counter arrays indexed by fingerprint have this length: the keys plus <see cref="Overflow"/>.</summary>
    public const int Slots = Capacity + 1;

    private readonly ConcurrentDictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly string[] _keys = new string[Capacity];
    private readonly long[] _totals = new long[Slots];
    private readonly Lock _gate = new();

    public int IndexOf(string key)
    {
        if (_index.TryGetValue(key, out var index))
        {
            return index;
        }

        // New keys are rare (one per kind of error): a lock keeps the bound exact.
        lock (_gate)
        {
            if (_index.TryGetValue(key, out index))
            {
                return index;
            }

            if (_index.Count >= Capacity)
            {
                return Capacity;
            }

            index = _index.Count;
            _keys[index] = key;
            _index[key] = index;
            return index;
        }
    }

    public string KeyOf(int index) => index == Capacity ? Overflow : Volatile.Read(ref _keys[index]);

    public void Count(int index) => Interlocked.Increment(ref _totals[index]);

    /// <summary>Since start, most frequent first.</summary>
    public IReadOnlyList<FingerprintCount> Totals() => Ranked(i => Interlocked.Read(ref _totals[i]));

    /// <summary>Counts by index (for example a window's), as keys, most frequent first, zero counts left out.</summary>
    public IReadOnlyList<FingerprintCount> Ranked(Func<int, long> countOf)
    {
        ArgumentNullException.ThrowIfNull(countOf);
        var known = _index.Count;
        var list = new List<FingerprintCount>();
        for (var i = 0; i < Slots; i++)
        {
            if ((i < known || i == Capacity) && countOf(i) is var n and > 0)
            {
                list.Add(new FingerprintCount(KeyOf(i), n));
            }
        }

        list.Sort(static (a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Key, b.Key));
        return list;
    }
}
