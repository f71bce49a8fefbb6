namespace ChatAgent.Agent;

/// <summary>One step of a turn: a piece of answer text as it is produced, or the completed answer (always last).</summary>
/// <param name="Tokens">On the completed update: model tokens (input plus output) the turn used, charged to the token budgets.</param>
internal sealed record TurnUpdate(string? Delta, AgentAnswer? Completed, long Tokens = 0);
