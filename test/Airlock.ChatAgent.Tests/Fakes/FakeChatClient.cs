using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Airlock.ChatAgent.Tests.Fakes;

/// <summary>A model that streams fixed chunks, can wait on a gate before answering, or can fail; it records what it was sent.</summary>
internal sealed class FakeChatClient(params string[] chunks) : IChatClient
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Exception? FailWith { get; init; }

    /// <summary>Throw <see cref="FailWith"/> after the chunks instead of before them: a model that fails mid-answer.</summary>
    public bool FailAfterChunks { get; init; }

    public bool WaitForRelease { get; init; }

    public IReadOnlyList<ChatMessage>? LastMessages { get; private set; }

    public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        LastMessages = [.. messages];
        Called.TrySetResult();
        if (FailWith is not null && !FailAfterChunks)
        {
            throw FailWith;
        }

        if (WaitForRelease)
        {
            // Observed in a catch, not a token registration: the cancellation can unwind this method inline and dispose
            // a registration before its callback runs.
            try
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult();
                throw;
            }
        }

        foreach (var chunk in chunks)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
        }

        if (FailWith is not null)
        {
            throw FailWith;
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
}
