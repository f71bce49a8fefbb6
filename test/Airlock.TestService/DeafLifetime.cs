namespace Airlock.TestService;

/// <summary>
/// Replaces the host's console lifetime for <c>--ignore-sigterm</c>: that lifetime turns SIGTERM into a graceful stop, and
/// this service must model one that does not, so only SIGKILL ends it.
/// </summary>
internal sealed class DeafLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
