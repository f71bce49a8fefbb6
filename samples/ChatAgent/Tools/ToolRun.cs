namespace ChatAgent.Tools;

/// <summary>Every result of a turn's tool rounds, in order, and whether the round cap stopped further rounds.</summary>
internal sealed record ToolRun(IReadOnlyList<ToolResult> Results, bool RoundCapReached);
