namespace Airlock.Rollouts.Runtime;

/// <summary>The outcome of a health gate, with what was seen (last status, the exit code, or the timeout).</summary>
public sealed record HealthResult(bool Healthy, string Detail, int? LastStatus, TimeSpan Elapsed)
{
    /// <summary>The exit code when the revision died before it was healthy.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The last lines the revision wrote in this start (standard error, else standard output), for the verdict.</summary>
    public string? LogTail { get; init; }

    /// <summary>
    /// The revision died saying its port was taken: another process bound the free port between the runtime choosing it
    /// and the revision binding it. Starting again (on a new port) is the fix; see <see cref="RevisionRuntimeExtensions"/>.
    /// </summary>
    public bool PortInUse { get; init; }
}
