using Airlock.Core.Deployment;

namespace Airlock.Rollouts.Runtime;

/// <summary>A running revision as the runtime started (or re-attached) it.</summary>
/// <param name="Url">Base URL on loopback, for example <c>http://127.0.0.1:41234</c>.</param>
/// <param name="Exited">Completes with the exit code when the process ends (null when re-attached and unknown).</param>
public sealed record RevisionInstance(
    string Revision,
    int Pid,
    long ProcessStartTicks,
    int Port,
    Uri Url,
    DateTimeOffset StartedAt,
    string LogDirectory,
    Task<int?> Exited)
{
    /// <summary>The health gate of this revision (the service's; a re-attached instance gets the defaults unless the caller sets it).</summary>
    public HealthSpec Health { get; init; } = new();

    /// <summary>Time between SIGTERM and SIGKILL on stop.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    public RevisionInstanceRecord ToRecord() => new(Revision, Pid, ProcessStartTicks, Port, LogDirectory, StartedAt);
}
