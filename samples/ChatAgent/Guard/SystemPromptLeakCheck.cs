using ChatAgent.Agent;
using Microsoft.Extensions.Options;

namespace ChatAgent.Guard;

/// <summary>
/// The output check: an answer leaks when it contains the canary (any case) or repeats
/// <see cref="GuardOptions.VerbatimRunWords"/> words of the system prompt in a row. Streams go through
/// <see cref="Start"/>, which holds back only what could still turn into a leak.
/// </summary>
internal sealed class SystemPromptLeakCheck
{
    public SystemPromptLeakCheck(IOptions<AgentOptions> agent, IOptions<GuardOptions> guard)
        : this(agent.Value.Canary ?? throw new InvalidOperationException("Agent:Canary is set at startup."), agent.Value.SystemPrompt, guard.Value.VerbatimRunWords)
    {
    }

    public SystemPromptLeakCheck(string canary, string systemPrompt, int verbatimRunWords)
    {
        Canary = canary;
        PromptWords = [.. PromptWordReader.Words(systemPrompt).Select(w => w.Word)];
        VerbatimRunWords = verbatimRunWords;
    }

    public string Canary { get; }

    public IReadOnlyList<string> PromptWords { get; }

    public int VerbatimRunWords { get; }

    public OutputLeakFilter Start() => new(this);

    public bool Leaks(string answer)
    {
        var filter = Start();
        filter.Push(answer);
        filter.Flush();
        return filter.Leaked;
    }
}
