namespace ChatAgent.Agent;

/// <summary>One step of a turn: a piece of answer text as it is produced, or the completed answer (always last).</summary>
internal sealed record TurnUpdate(string? Delta, AgentAnswer? Completed);
