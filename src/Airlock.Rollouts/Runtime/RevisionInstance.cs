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
    public RevisionInstanceRecord ToRecord() => new(Revision, Pid, ProcessStartTicks, Port, LogDirectory, StartedAt);
}
