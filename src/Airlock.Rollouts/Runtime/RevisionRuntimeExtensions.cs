namespace Airlock.Rollouts.Runtime;

/// <summary>Start-and-gate as one call, with the retry a bind race needs.</summary>
public static class RevisionRuntimeExtensions
{
    /// <summary>
    /// Starts a revision and waits for its health gate; when it died only because its port was taken between choosing and
    /// binding it (<see cref="HealthResult.PortInUse"/>), starts it again on a new port, up to <paramref name="attempts"/> times.
    /// </summary>
    public static async Task<(RevisionInstance Instance, HealthResult Health)> StartHealthyAsync(
        this IRevisionRuntime runtime, RevisionLaunch launch, CancellationToken cancellationToken, int attempts = 3)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        for (var attempt = 1; ; attempt++)
        {
            var instance = await runtime.StartAsync(launch, cancellationToken);
            var health = await runtime.WaitHealthyAsync(instance, cancellationToken);
            if (!health.PortInUse || attempt >= attempts)
            {
                return (instance, health);
            }
        }
    }
}
