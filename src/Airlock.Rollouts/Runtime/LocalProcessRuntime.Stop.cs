namespace Airlock.Rollouts.Runtime;

internal sealed partial class LocalProcessRuntime
{
    private static readonly TimeSpan AfterKill = TimeSpan.FromSeconds(5);

    /// <summary>
    /// SIGTERM to the revision's process group, up to <see cref="RevisionInstance.StopGrace"/> for it to finish its
    /// in-flight work, then SIGKILL. A pid that now belongs to another process (start time differs) is never signalled.
    /// </summary>
    public async Task StopAsync(RevisionInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.Exited.IsCompleted || !ProcStat.IsAlive(instance.Pid, instance.ProcessStartTicks))
        {
            return;
        }

        Log.Stopping(_logger, instance.Revision, instance.Pid, (long)instance.StopGrace.TotalMilliseconds);
        PosixSignals.SignalGroup(instance.Pid, PosixSignals.SigTerm);
        if (await ExitsWithinAsync(instance, instance.StopGrace, cancellationToken))
        {
            return;
        }

        Log.Killed(_logger, instance.Revision, instance.Pid);
        PosixSignals.SignalGroup(instance.Pid, PosixSignals.SigKill);
        await ExitsWithinAsync(instance, AfterKill, cancellationToken);
    }

    private async Task<bool> ExitsWithinAsync(RevisionInstance instance, TimeSpan limit, CancellationToken cancellationToken)
    {
        var delay = Task.Delay(limit, _time, cancellationToken);
        var first = await Task.WhenAny(instance.Exited, delay);
        cancellationToken.ThrowIfCancellationRequested();
        return first == instance.Exited;
    }
}
