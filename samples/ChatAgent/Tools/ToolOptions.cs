using ChatAgent.Options;

namespace ChatAgent.Tools;

/// <summary>Per-tool timeouts and the cap on tool rounds in one turn.</summary>
internal sealed class ToolOptions : IValidatableOptions
{
    public static string SectionName => "Tools";

    /// <summary>Timeout for a tool without its own entry in <see cref="Timeouts"/>.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-tool timeouts by tool name, e.g. <c>Tools:Timeouts:clock=00:00:01</c>.</summary>
    public Dictionary<string, TimeSpan> Timeouts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Most tool rounds one turn may run; a planner that keeps asking is stopped here.</summary>
    public int MaxRounds { get; set; } = 3;

    public TimeSpan TimeoutFor(string tool) => Timeouts.TryGetValue(tool, out var timeout) ? timeout : DefaultTimeout;

    public IEnumerable<string> Validate()
    {
        if (!InRange(DefaultTimeout))
        {
            yield return $"{SectionName}:DefaultTimeout must be between 00:00:00.010 and 00:05:00 (got {DefaultTimeout}).";
        }

        foreach (var (tool, timeout) in Timeouts)
        {
            if (!ToolNames.All.Contains(tool))
            {
                yield return $"{SectionName}:Timeouts:{tool} names no tool; known tools: {string.Join(", ", ToolNames.All)}.";
            }
            else if (!InRange(timeout))
            {
                yield return $"{SectionName}:Timeouts:{tool} must be between 00:00:00.010 and 00:05:00 (got {timeout}).";
            }
        }

        if (MaxRounds is < 1 or > 10)
        {
            yield return $"{SectionName}:MaxRounds must be between 1 and 10 (got {MaxRounds}).";
        }
    }

    private static bool InRange(TimeSpan timeout) => timeout >= TimeSpan.FromMilliseconds(10) && timeout <= TimeSpan.FromMinutes(5);
}
