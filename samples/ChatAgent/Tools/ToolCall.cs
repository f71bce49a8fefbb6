namespace ChatAgent.Tools;

/// <summary>One requested tool call; calls of one round are independent and run concurrently.</summary>
internal sealed record ToolCall(string Name, IReadOnlyDictionary<string, string> Arguments);
