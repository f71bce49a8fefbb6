namespace ChatAgent.Agent;

/// <summary>Terminal event of a stream that failed after its headers were sent, when a status code can no longer say so.</summary>
internal sealed record StreamError(string Code, string Message);
