using ChatAgent.TimeZones;

namespace ChatAgent.Agent;

/// <summary>First event of a stream: what the client needs before any text arrives.</summary>
internal sealed record StreamStarted(string ConversationId, string Mode, LocalTimestamp Timestamp);
