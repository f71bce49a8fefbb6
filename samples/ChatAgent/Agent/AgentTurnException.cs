namespace ChatAgent.Agent;

/// <summary>A turn failed in a way the user is told about, with the service's own error code.</summary>
internal sealed class AgentTurnException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
