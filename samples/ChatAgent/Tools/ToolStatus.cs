namespace ChatAgent.Tools;

/// <summary>How a tool call ended. Everything but <see cref="Ok"/> degrades the turn; none of them fails it.</summary>
internal enum ToolStatus
{
    Ok,
    UnknownTool,
    InvalidArguments,
    Failed,
    TimedOut,
    InvalidResult,
}
