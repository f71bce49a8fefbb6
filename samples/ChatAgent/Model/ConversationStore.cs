using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatAgent.Model;

/// <summary>
/// Conversation histories in memory, by conversation id: at most <c>Model:MaxConversations</c> (the one idle longest
/// goes first), each forgotten after <c>Model:ConversationIdleTimeout</c>. A history is an immutable list swapped whole,
/// so a turn reads a consistent snapshot without a lock. Lost on restart, by design: this is a sample, not a store.
/// </summary>
internal sealed class ConversationStore(IOptions<ModelOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public IReadOnlyList<ChatMessage> Get(string conversationId)
    {
        var now = time.GetUtcNow();
        if (!_entries.TryGetValue(conversationId, out var entry))
        {
            return [];
        }

        if (now - entry.LastUsed >= options.Value.ConversationIdleTimeout)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(conversationId, entry));
            return [];
        }

        return entry.Messages;
    }

    public void Save(string conversationId, IReadOnlyList<ChatMessage> messages)
    {
        var now = time.GetUtcNow();
        _entries[conversationId] = new Entry(messages, now);
        if (_entries.Count > options.Value.MaxConversations)
        {
            Evict(now);
        }
    }

    // O(n) over at most MaxConversations + a few entries, and only when a new conversation pushes past the cap.
    private void Evict(DateTimeOffset now)
    {
        var idle = options.Value.ConversationIdleTimeout;
        foreach (var (id, entry) in _entries)
        {
            if (now - entry.LastUsed >= idle)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
            }
        }

        while (_entries.Count > options.Value.MaxConversations)
        {
            var oldest = _entries.MinBy(e => e.Value.LastUsed);
            _entries.TryRemove(oldest);
        }
    }

    private sealed record Entry(IReadOnlyList<ChatMessage> Messages, DateTimeOffset LastUsed);
}
