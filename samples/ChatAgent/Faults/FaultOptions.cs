using ChatAgent.Options;

namespace ChatAgent.Faults;

/// <summary>
/// Switches that break this service on purpose so a bad revision can be deployed and caught.
/// All off by default; every one is shown in <c>/health/ready</c> so a broken revision never looks healthy by accident.
/// </summary>
internal sealed class FaultOptions : IValidatableOptions
{
    public static string SectionName => "Faults";

    /// <summary>Share of agent turns (0-1) that fail with an unhandled exception.</summary>
    public double ErrorRate { get; set; }

    /// <summary>
    /// The failed turns answer 500 with <see cref="Errors.ErrorCodes.InjectedNewError"/> instead of the usual internal
    /// error: an error type stable never returned, which a rollout's "new error type" condition must catch.
    /// </summary>
    public bool NewErrorCode { get; set; }

    /// <summary>Megabytes allocated, touched and held from startup, to push a revision against its memory limit.</summary>
    public int MemoryHogMegabytes { get; set; }

    /// <summary>Delay added before every agent turn.</summary>
    public TimeSpan AddedLatency { get; set; }

    /// <summary>Makes <c>/health/ready</c> report unhealthy.</summary>
    public bool FailHealth { get; set; }

    /// <summary>Makes startup fail, as a missing environment variable would.</summary>
    public bool CrashOnStart { get; set; }

    /// <summary>Every tool call hangs until its per-tool timeout: the turn must degrade, not hang.</summary>
    public bool ToolTimeout { get; set; }

    /// <summary>Tools and the model's endpoint answer 200 with an HTML page instead of JSON: the turn must degrade, not fail.</summary>
    public bool UpstreamGarbage { get; set; }

    public bool AnyOn => ErrorRate > 0 || NewErrorCode || MemoryHogMegabytes > 0 || AddedLatency > TimeSpan.Zero || FailHealth || CrashOnStart
        || ToolTimeout || UpstreamGarbage;

    public IEnumerable<string> Validate()
    {
        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate))
        {
            yield return $"{SectionName}:ErrorRate must be between 0 and 1 (got {ErrorRate}).";
        }

        if (NewErrorCode && ErrorRate <= 0)
        {
            yield return $"{SectionName}:NewErrorCode needs {SectionName}:ErrorRate above 0: it changes the code of the turns that fail.";
        }

        if (MemoryHogMegabytes is < 0 or > 64 * 1024)
        {
            yield return $"{SectionName}:MemoryHogMegabytes must be between 0 and 65536 (got {MemoryHogMegabytes}).";
        }

        if (AddedLatency < TimeSpan.Zero || AddedLatency > TimeSpan.FromMinutes(5))
        {
            yield return $"{SectionName}:AddedLatency must be between 00:00:00 and 00:05:00 (got {AddedLatency}).";
        }
    }
}
