namespace Airlock.Rollouts.Runtime;

/// <summary>
/// Starts, health-gates and stops revisions. The local process runtime is the embedded default; Docker and
/// Kubernetes follow behind the same seam.
/// </summary>
public interface IRevisionRuntime
{
    /// <summary>Starts a revision on a free loopback port with its environment; output goes to log files.</summary>
    Task<RevisionInstance> StartAsync(RevisionLaunch launch, CancellationToken cancellationToken);

    /// <summary>Polls the health endpoint until healthy, the revision exits, or the health timeout passes.</summary>
    Task<HealthResult> WaitHealthyAsync(RevisionInstance instance, CancellationToken cancellationToken);

    /// <summary>Stops gracefully: SIGTERM, then SIGKILL after the service's stop grace.</summary>
    Task StopAsync(RevisionInstance instance, CancellationToken cancellationToken);

    /// <summary>
    /// Finds a revision started before a controller restart; null when that process is gone (or the pid now belongs
    /// to another process, told apart by its start time).
    /// </summary>
    RevisionInstance? Reattach(RevisionInstanceRecord record);
}
