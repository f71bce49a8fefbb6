using ChatAgent.TimeZones;

namespace ChatAgent.Agent;

/// <param name="Answered">False when the agent does not know; <paramref name="Handoff"/> then says whom to ask.</param>
/// <param name="Mode">"knowledge-base-only" or "model".</param>
/// <param name="Notes">What degraded the answer (a tool that timed out or returned garbage), in words; null when nothing did.</param>
/// <param name="Refused">True when the guard refused the message or withheld the answer (Guard/); the answer is then the refusal.</param>
internal sealed record AgentAnswer(
    string ConversationId,
    string Answer,
    bool Answered,
    string Mode,
    IReadOnlyList<Citation> Citations,
    LocalTimestamp Timestamp,
    string? Handoff,
    IReadOnlyList<string>? Notes = null,
    bool Refused = false);
