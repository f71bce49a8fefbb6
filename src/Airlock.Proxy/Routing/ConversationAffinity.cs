using System.Collections.Concurrent;

namespace Airlock.Proxy.Routing;

/// <summary>
/// Remembers on which revision each conversation started, so that an agent does not switch prompt or model
/// mid-thread. Bounded: past <c>capacity</c> live entries new conversations are not pinned (they still follow
/// the sticky user bucket); entries idle longer than <c>idleExpiry</c> are forgotten. Kept in memory only: a
/// restarted proxy falls back to the user bucket, which is usually the same revision.
/// </summary>
internal sealed class ConversationAffinity(TimeProvider time, int capacity, TimeSpan idleExpiry)
{
    private readonly ConcurrentDictionary<(string Route, string Conversation), Entry> _entries = new();

    public int Count => _entries.Count;

    public string? Lookup(string route, string conversation)
    {
        if (!_entries.TryGetValue((route, conversation), out var entry))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now - entry.LastSeen > idleExpiry)
        {
            _entries.TryRemove(KeyValuePair.Create((route, conversation), entry));
            return null;
        }

        _entries.TryUpdate((route, conversation), entry with { LastSeen = now }, entry);
        return entry.Revision;
    }

    /// <summary>
    /// Pins a conversation to the revision that serves it now (replacing a pin to a revision that stopped serving),
    /// unless the store is full.
    /// </summary>
    public void Pin(string route, string conversation, string revision)
    {
        var key = (route, conversation);
        if (!_entries.ContainsKey(key) && _entries.Count >= capacity && !Sweep())
        {
            return;
        }

        _entries[key] = new Entry(revision, time.GetUtcNow());
    }

    /// <summary>Drops expired entries; true when that made room.</summary>
    private bool Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var pair in _entries)
        {
            if (now - pair.Value.LastSeen > idleExpiry)
            {
                _entries.TryRemove(pair);
            }
        }

        return _entries.Count < capacity;
    }

    private sealed record Entry(string Revision, DateTimeOffset LastSeen);
}
