using System.Globalization;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Controller;

public sealed partial class RolloutEngine
{
    /// <summary>
    /// Picks up where a previous controller stopped (cleanly or by <c>kill -9</c>): the stable revision, the running
    /// instances (re-attached by pid and start time), and the active rollout at its persisted phase and step. Phases
    /// are idempotent from their persisted start, so nothing finished is repeated: a weight already applied is applied
    /// again only as the same weights, and a pause runs only its remainder.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        _stable = await _services.Store.GetStableAsync(Service, cancellationToken);
        foreach (var record in await _services.Store.ListInstancesAsync(cancellationToken))
        {
            var instance = _services.Runtime.Reattach(record);
            if (instance is null)
            {
                LogInstanceGone(_services.Logger, record.Revision, record.Pid);
                await _services.Store.RemoveInstanceAsync(record.Revision, cancellationToken);
                continue;
            }

            // A re-attached instance knows only its process: its health gate and stop grace come from the spec.
            _instances[record.Revision] = instance with { Health = _services.Spec.Service.Health, StopGrace = _services.Spec.Service.StopGrace };
        }

        _active = await _services.Store.GetActiveAsync(cancellationToken);
        if (_active is { } active)
        {
            _plan = RolloutJson.Deserialize<RolloutPlan>(active.SpecJson);
            _abortRequested = active.Status.Phase == RolloutPhase.Aborting;
            _nextAnalysisAt = Now;
            LogResumed(_services.Logger, active.Id, active.Candidate, active.Status.Phase, active.Status.StepIndex);
            await RecordAsync("resumed_after_restart", string.Create(CultureInfo.InvariantCulture,
                $"controller restarted; resuming {Describe(active.Status.Phase)} at step {active.Status.StepIndex}"), null, cancellationToken);
            if (active.Status.Phase is RolloutPhase.HealthGate or RolloutPhase.Verifying && !_instances.ContainsKey(active.Candidate))
            {
                await SaveAsync(RolloutPhase.Starting, $"{active.Candidate} was not running after the restart; starting it again", cancellationToken);
            }
        }
        else
        {
            var recent = await _services.Store.ListAsync(1, cancellationToken);
            _last = recent.Count > 0 ? recent[0] : null;
        }

        // Anything running that is neither live nor the candidate was being kept warm or drained: retire it.
        foreach (var revision in _instances.Keys)
        {
            if (revision != _stable?.Revision && revision != _active?.Candidate && revision != _active?.Stable)
            {
                _retireAt[revision] = Now + (_last?.Status.Phase == RolloutPhase.Promoted && _last.Stable == revision
                    ? Remaining(_last.Status.UpdatedAt + _services.Spec.KeepWarm)
                    : DrainBeforeStop);
            }
        }

        Publish();
    }

    private TimeSpan Remaining(DateTimeOffset until) => until > Now ? until - Now : TimeSpan.Zero;
}
