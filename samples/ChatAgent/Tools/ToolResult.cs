using System.Text.Json;

namespace ChatAgent.Tools;

/// <param name="Output">The parsed, validated result; set only when <paramref name="Status"/> is <see cref="ToolStatus.Ok"/>.</param>
/// <param name="Note">Why the call did not help, in words a user may read; null when it succeeded.</param>
internal sealed record ToolResult(ToolCall Call, ToolStatus Status, JsonElement? Output, string? Note);
