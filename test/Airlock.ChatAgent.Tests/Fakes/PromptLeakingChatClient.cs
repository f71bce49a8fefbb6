using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Airlock.ChatAgent.Tests.Fakes;

/// <summary>A model that leaks: it streams chunks computed from the system prompt it was sent, and records how far it got.</summary>
internal sealed class PromptLeakingChatClient(Func<string, IEnumerable<string>> chunksFromSystemPrompt) : IChatClient
{
    public string? SystemPrompt { get; private set; }

    public int ChunksSent { get; private set; }

    public bool Called { get; private set; }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Called = true;
        SystemPrompt = string.Concat(messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        foreach (var chunk in chunksFromSystemPrompt(SystemPrompt))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            ChunksSent++;
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    /// <summary>Splits text into pieces of <paramref name="size"/> characters, the way a model streams tokens.</summary>
    public static IEnumerable<string> Pieces(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
