namespace ChatAgent.Agent;

/// <summary>What a client may send. Persona and system prompt are deliberately absent: unknown fields are rejected.</summary>
internal sealed class AgentRequest
{
    public string? Message { get; init; }

    public string? ConversationId { get; init; }

    /// <summary>The user's IANA time zone, for example "Europe/Paris".</summary>
    public string? TimeZone { get; init; }

    /// <summary>Ask for server-sent events; an <c>Accept: text/event-stream</c> header does the same.</summary>
    public bool Stream { get; init; }
}
