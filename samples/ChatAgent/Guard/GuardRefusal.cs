using ChatAgent.Agent;

namespace ChatAgent.Guard;

/// <summary>
/// What a refused user reads: polite, in the persona, with somewhere to go next. It never quotes the message, so a
/// refusal cannot be used to make the agent say the attacker's words.
/// </summary>
internal static class GuardRefusal
{
    public static string For(string kind, AgentOptions agent) => kind switch
    {
        GuardKinds.SystemPromptExtraction or GuardKinds.Canary =>
            $"Sorry, I can't share my instructions or configuration. I'm {agent.PersonaName} and I'm happy to help with questions " +
            $"about this service, or you can ask {agent.HumanContact}.",
        GuardKinds.Injection or GuardKinds.Jailbreak or GuardKinds.PersonaOverride =>
            $"Sorry, I can't do that: I'm {agent.PersonaName}, and I stay in that role. I can answer questions about this service " +
            $"from my knowledge base, or you can ask {agent.HumanContact}.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Every guard kind needs its refusal."),
    };
}
