using System.Globalization;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Routing;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Controller;

public sealed partial class RolloutEngine
{
    private bool _abortRequested;

    private async Task<TimeSpan?> BeginRollbackAsync(string reason, AnalysisVerdict? verdict, CancellationToken cancellationToken)
    {
        var message = $"rolling back {_active!.Candidate}: {reason}";
        await SaveAsync(RolloutPhase.RollingBack, message, cancellationToken);
        await RecordAsync("rollback_started", message, verdict, cancellationToken);
        return null;
    }

    /// <summary>
    /// All traffic to stable in one router update, verified as applied, unless stable is itself unhealthy: then the
    /// weights stay as they are (Holding) and the reason is said, and the rollback is retried every analysis interval.
    /// </summary>
    private async Task<TimeSpan?> RollBackAsync(CancellationToken cancellationToken)
    {
        var active = _active!;
        var aborting = _abortRequested || active.Status.Phase == RolloutPhase.Aborting;
        var stable = active.Stable;
        if (stable is not null)
        {
            var unhealthy = await StableProblemAsync(stable, cancellationToken);
            if (unhealthy is not null)
            {
                if (active.Status.Phase != RolloutPhase.Holding)
                {
                    var hold = $"holding: stable {stable} is unhealthy ({unhealthy}); traffic stays as it is until it recovers or a person acts";
                    await SaveAsync(RolloutPhase.Holding, hold, cancellationToken);
                    await RecordAsync("holding", hold, null, cancellationToken);
                }

                return _plan!.Spec.Analysis.Interval;
            }

            await ApplyWeightsAsync(stable, 0, cancellationToken);
        }

        _retireAt[active.Candidate] = Now + DrainBeforeStop;
        var outcome = aborting ? RolloutPhase.Aborted : RolloutPhase.RolledBack;
        var message = stable is null
            ? $"{active.Candidate} {(aborting ? "aborted" : "rolled back")}; no stable revision to return to"
            : $"{(aborting ? "aborted" : "rolled back")}: all traffic on {stable}; {active.Candidate} drains and stops";
        await SaveAsync(status => status with { Phase = outcome, CandidateWeight = 0, WaitingForApproval = null, Message = message }, cancellationToken);
        await RecordAsync(aborting ? "aborted" : "rolled_back", message, _lastVerdict, cancellationToken);
        _abortRequested = false;
        return Finish();
    }

    /// <summary>Why stable cannot take the traffic back, or null when it can: not running, failing its health endpoint, or erroring.</summary>
    private async Task<string?> StableProblemAsync(string stable, CancellationToken cancellationToken)
    {
        if (!_instances.TryGetValue(stable, out var instance) || instance.Exited.IsCompleted)
        {
            return "its process is not running";
        }

        var health = _plan!.Spec.Service.Health;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var response = await _services.Http.GetAsync(new Uri(instance.Url, health.Path), timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{health.Path} answered {(int)response.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"{health.Path} did not answer ({ex.GetType().Name})";
        }

        return StableErrorRateProblem(stable);
    }

    /// <summary>Stable erroring above an absolute error-rate rollback threshold (with enough samples) is no place to return to.</summary>
    private string? StableErrorRateProblem(string stable)
    {
        var verdict = _lastVerdict;
        if (verdict is null)
        {
            return null;
        }

        foreach (var condition in verdict.Rollback.Where(v => v.Condition.Metric == ConditionMetric.ErrorRate && !v.Condition.Threshold.RelativeToStable))
        {
            if (condition.StableSamples >= _plan!.Spec.Analysis.MinSamples && condition.StableValue > condition.Condition.Threshold.Value)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"{stable} error rate {condition.StableValue * 100:0.#}% (n={condition.StableSamples}) is above {condition.Condition.Text}");
            }
        }

        return null;
    }

    /// <summary>Stops revisions whose keep-warm or drain time is up, after taking them out of the route.</summary>
    private async Task RetireDueAsync(CancellationToken cancellationToken)
    {
        foreach (var (revision, at) in _retireAt.Where(entry => entry.Value <= Now).ToList())
        {
            if (revision == _stable?.Revision || revision == _active?.Candidate || revision == _active?.Stable)
            {
                _retireAt.Remove(revision);
                continue;
            }

            try
            {
                var route = await _services.Router.ReadAsync(cancellationToken);
                if (route.Revisions.Any(r => r.Name == revision) && route.Revisions.Any(r => r.Name != revision && r.Weight > 0))
                {
                    await _services.Router.ApplyAsync(route with { Revisions = route.Revisions.RemoveAll(r => r.Name == revision) }, cancellationToken);
                }
            }
            catch (RouterException ex)
            {
                LogRetireDeferred(_services.Logger, revision, ex.Message);
                _retireAt[revision] = Now + TimeSpan.FromSeconds(5);
                continue;
            }

            await StopAsync(revision, cancellationToken);
        }
    }

    private async Task StopAsync(string revision, CancellationToken cancellationToken)
    {
        _retireAt.Remove(revision);
        if (_instances.Remove(revision, out var instance))
        {
            await _services.Runtime.StopAsync(instance, cancellationToken);
            LogStopped(_services.Logger, revision, instance.Pid);
        }

        await _services.Store.RemoveInstanceAsync(revision, cancellationToken);
    }
}
