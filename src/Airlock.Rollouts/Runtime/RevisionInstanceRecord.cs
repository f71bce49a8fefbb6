namespace Airlock.Rollouts.Runtime;

/// <summary>What the store keeps of a running revision so a restarted controller can find it again.</summary>
/// <param name="ProcessStartTicks">The process start time as the OS reports it (Linux: /proc/PID/stat field 22), so a reused pid is not mistaken for the revision.</param>
public sealed record RevisionInstanceRecord(string Revision, int Pid, long ProcessStartTicks, int Port, string LogDirectory, DateTimeOffset StartedAt);
