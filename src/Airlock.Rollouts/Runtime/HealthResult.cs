namespace Airlock.Rollouts.Runtime;

/// <summary>The outcome of a health gate, with what was seen (last status, the exit code, or the timeout).</summary>
public sealed record HealthResult(bool Healthy, string Detail, int? LastStatus, TimeSpan Elapsed);
