using System.Text.Json;
using ChatAgent.Tools;

namespace ChatAgent.Faults;

/// <summary>
/// Wraps a tool for <c>Faults:ToolTimeout</c> (the call hangs until the runner's per-tool timeout cuts it off) and
/// <c>Faults:UpstreamGarbage</c> (the call returns an HTML error page). Arguments and results are still checked by the
/// real tool, so the runner's own degrade path is what a probe sees.
/// </summary>
internal sealed class FaultInjectingTool(IAgentTool inner, FaultOptions faults) : IAgentTool
{
    public string Name => inner.Name;

    public static IReadOnlyList<IAgentTool> Wrap(IEnumerable<IAgentTool> tools, FaultOptions faults) =>
        faults.ToolTimeout || faults.UpstreamGarbage ? [.. tools.Select(t => new FaultInjectingTool(t, faults))] : [.. tools];

    public string? ValidateArguments(IReadOnlyDictionary<string, string> arguments) => inner.ValidateArguments(arguments);

    public async Task<string> InvokeAsync(IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        if (faults.ToolTimeout)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return faults.UpstreamGarbage ? UpstreamGarbageHandler.Page : await inner.InvokeAsync(arguments, cancellationToken);
    }

    public string? ValidateResult(JsonElement result) => inner.ValidateResult(result);
}
