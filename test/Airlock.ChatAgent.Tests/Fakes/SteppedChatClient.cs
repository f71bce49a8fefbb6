using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Airlock.ChatAgent.Tests.Fakes;

/// <summary>
/// A model that streams its first chunk at once and each further chunk only when the test calls <see cref="Next"/>,
/// so a test can look at a client while an answer is half-way through.
/// </summary>
internal sealed class SteppedChatClient(params string[] chunks) : IChatClient
{
    private readonly SemaphoreSlim _steps = new(0);

    public void Next() => _steps.Release();

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < chunks.Length; i++)
        {
            if (i > 0)
            {
                await _steps.WaitAsync(cancellationToken);
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, chunks[i]);
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

    public void Dispose() => _steps.Dispose();
}
