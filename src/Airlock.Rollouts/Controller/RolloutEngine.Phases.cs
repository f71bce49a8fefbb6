using System.Globalization;
using Airlock.Core.Config;
using Airlock.Rollouts.Runtime;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Controller;

public sealed partial class RolloutEngine
{
    private async Task<TimeSpan?> BeginAsync(CancellationToken cancellationToken)
    {
        if (_plan!.IsUndo)
        {
            await SaveAsync(RolloutPhase.Starting, $"undo: back to {_active!.Candidate}", cancellationToken);
        }
        else
        {
            await SaveAsync(RolloutPhase.Preflight, "running the readiness rubric", cancellationToken);
        }

        return null;
    }

    private async Task<TimeSpan?> PreflightAsync(CancellationToken cancellationToken)
    {
        var result = await _services.Preflight.RunAsync(_services.RepositoryRoot, cancellationToken);
        var ids = string.Join(", ", result.BlockingFailures.Select(failure => failure.RowId));
        if (result.Blocked && _active!.ForceReason is null)
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"preflight: {result.BlockingFailures.Length} Blocks Launch row(s) failed ({ids}); fix them, or deploy with --force --reason");
            await RecordAsync("preflight_blocked", message, result, cancellationToken);
            return await FailAsync(message, cancellationToken);
        }

        if (result.Blocked)
        {
            await RecordAsync("preflight_overridden", $"preflight: Blocks Launch row(s) failed ({ids}) and were overridden with --force: {_active!.ForceReason}", result, cancellationToken);
        }
        else
        {
            await RecordAsync("preflight_passed", string.Create(CultureInfo.InvariantCulture, $"preflight: {result.Rows} rows, none that blocks launch failed"), result, cancellationToken);
        }

        await SaveAsync(RolloutPhase.Starting, $"starting {_active!.Candidate}", cancellationToken);
        return null;
    }

    private async Task<TimeSpan?> StartCandidateAsync(CancellationToken cancellationToken)
    {
        var candidate = _active!.Candidate;
        if (!_instances.TryGetValue(candidate, out var instance) || instance.Exited.IsCompleted)
        {
            _retireAt.Remove(candidate);
            instance = await _services.Runtime.StartAsync(new RevisionLaunch(candidate, _plan!.Spec.Service, _plan.Environment), cancellationToken);
            _instances[candidate] = instance;
            await _services.Store.SaveInstanceAsync(instance.ToRecord(), cancellationToken);
            await RecordAsync("started", string.Create(CultureInfo.InvariantCulture, $"{candidate} started as pid {instance.Pid} on {instance.Url}"), instance.ToRecord(), cancellationToken);
        }
        else
        {
            // Undo to a revision still kept warm: it is already running.
            _retireAt.Remove(candidate);
            await RecordAsync("reused", string.Create(CultureInfo.InvariantCulture, $"{candidate} is still running (pid {instance.Pid}); reusing it"), instance.ToRecord(), cancellationToken);
        }

        await SaveAsync(RolloutPhase.HealthGate, $"waiting for {candidate} to become healthy", cancellationToken);
        return null;
    }

    private async Task<TimeSpan?> HealthGateAsync(CancellationToken cancellationToken)
    {
        var candidate = _active!.Candidate;
        if (!_instances.TryGetValue(candidate, out var instance))
        {
            await SaveAsync(RolloutPhase.Starting, $"{candidate} is not running; starting it again", cancellationToken);
            return null;
        }

        var health = await _services.Runtime.WaitHealthyAsync(instance, cancellationToken);
        if (!health.Healthy)
        {
            var message = $"{candidate} did not become healthy: {health.Detail}";
            await RecordAsync("health_failed", message, health, cancellationToken);
            return await FailAsync(message, cancellationToken);
        }

        await RecordAsync("healthy", string.Create(CultureInfo.InvariantCulture, $"{candidate} healthy after {health.Elapsed.TotalSeconds:0.0} s"), health, cancellationToken);
        if (_plan!.IsUndo)
        {
            await SaveAsync(RolloutPhase.Promoting, $"undo: switching all traffic to {candidate}", cancellationToken);
            return null;
        }

        await SaveAsync(RolloutPhase.Verifying, $"verifying {candidate}", cancellationToken);
        return null;
    }

    private async Task<TimeSpan?> VerifyAsync(CancellationToken cancellationToken)
    {
        var candidate = _active!.Candidate;
        var instance = _instances[candidate];
        var outcomes = await _services.Probes.RunAsync(instance.Url, _plan!.Spec.Verify, cancellationToken);
        var failed = outcomes.Where(outcome => !outcome.Passed).ToList();
        if (failed.Count > 0)
        {
            var message = $"verification failed: {string.Join("; ", failed.Select(outcome => $"'{outcome.Name}': {outcome.Detail}"))}";
            await RecordAsync("verify_failed", message, outcomes, cancellationToken);
            return await FailAsync(message, cancellationToken);
        }

        await RecordAsync("verified", string.Create(CultureInfo.InvariantCulture, $"{outcomes.Length} verification probe(s) passed"), outcomes, cancellationToken);
        if (_active.Stable is null)
        {
            await SaveAsync(RolloutPhase.Promoting, "the first revision of the service: there is no stable to compare with", cancellationToken);
            return null;
        }

        // The candidate joins the route at weight 0 under this rollout's salt, so the first weight step only moves weight.
        await ApplyWeightsAsync(_active.Stable, 0, cancellationToken);
        await SaveAsync(status => status with
        {
            Phase = RolloutPhase.Stepping,
            StepIndex = 0,
            CandidateWeight = 0,
            StepStartedAt = Now,
            Message = $"{candidate} verified; starting the {_plan.Spec.Strategy.Kind.ToString().ToLowerInvariant()} steps",
        }, cancellationToken);
        _nextAnalysisAt = Now;
        return null;
    }

    private async Task<TimeSpan?> PromoteAsync(CancellationToken cancellationToken)
    {
        var active = _active!;
        var candidate = active.Candidate;
        await ApplyWeightsAsync(active.Stable, 100, cancellationToken);
        var previous = _stable?.Revision;
        _stable = new StableRecord(Service, candidate, previous, Now);
        await _services.Store.SetStableAsync(_stable, cancellationToken);
        if (previous is not null && previous != candidate && _instances.ContainsKey(previous))
        {
            _retireAt[previous] = Now + _plan!.Spec.KeepWarm;
        }

        var message = previous is null
            ? $"{candidate} is live (100%)"
            : string.Create(CultureInfo.InvariantCulture, $"{candidate} promoted to 100%; {previous} kept warm for {ConfigQuantities.FormatDuration(_plan!.Spec.KeepWarm)} for undo");
        await SaveAsync(status => status with { Phase = RolloutPhase.Promoted, CandidateWeight = 100, WaitingForApproval = null, Message = message }, cancellationToken);
        await RecordAsync("promoted", message, null, cancellationToken);
        return Finish();
    }
}
