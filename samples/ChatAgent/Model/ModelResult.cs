using ChatAgent.KnowledgeBase;

namespace ChatAgent.Model;

/// <param name="Text">The whole answer; empty when the model wrote nothing.</param>
/// <param name="Sources">Every passage numbered for the model this turn, so its [n] markers resolve.</param>
/// <param name="Notes">Tool calls that degraded the turn, in words; null when none did.</param>
internal sealed record ModelResult(string Text, IReadOnlyList<SearchHit> Sources, IReadOnlyList<string>? Notes, long InputTokens, long OutputTokens);
