using System.Diagnostics.Metrics;
using ChatAgent.Metrics;

namespace ChatAgent.Guard;

/// <summary>The guard's one instrument, on the agent's meter so <c>/metrics</c> exports it beside the others.</summary>
internal sealed class GuardMetrics(AgentMetrics metrics)
{
    public Counter<long> Blocks { get; } = metrics.Meter.CreateCounter<long>(
        "chatagent.guard.blocks",
        description: "Messages refused by the input guard and answers withheld by the output check, by kind.");

    public void Blocked(string kind) => Blocks.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
