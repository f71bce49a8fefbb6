using Microsoft.Extensions.AI;

namespace ChatAgent.Model;

/// <param name="Messages">What is sent: the system prompt, the kept history, the current turn.</param>
/// <param name="EstimatedTokens">The prompt's estimated size, including tool declarations.</param>
/// <param name="DroppedTurns">Earlier turns left out to fit.</param>
internal sealed record FittedContext(IReadOnlyList<ChatMessage> Messages, int EstimatedTokens, int DroppedTurns);
