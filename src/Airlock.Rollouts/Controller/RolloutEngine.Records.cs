using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Controller;

public sealed partial class RolloutEngine
{
    /// <summary>Writes the next status (compare-and-swap on its revision) and only then adopts it.</summary>
    private async Task SaveAsync(Func<RolloutStatus, RolloutStatus> change, CancellationToken cancellationToken)
    {
        var active = _active ?? throw new InvalidOperationException("no active rollout");
        var current = active.Status;
        var next = change(current) with { Revision = current.Revision + 1, UpdatedAt = Now };
        if (!await _services.Store.TryUpdateStatusAsync(active.Id, current.Revision, next, cancellationToken))
        {
            throw new RolloutConflictException(
                $"rollout {active.Id} was changed by another writer (expected status revision {current.Revision}); is a second 'airlock serve' running on the same store?");
        }

        _active = active with { Status = next };
        if (next.Phase != current.Phase)
        {
            LogPhase(_services.Logger, active.Id, active.Candidate, current.Phase, next.Phase, next.Message);
        }
    }

    private Task SaveAsync(RolloutPhase phase, string message, CancellationToken cancellationToken) =>
        SaveAsync(status => status with { Phase = phase, Message = message }, cancellationToken);

    /// <summary>Appends to the ledger and, for the kinds webhooks know, notifies.</summary>
    private async Task RecordAsync(string kind, string message, object? evidence, CancellationToken cancellationToken)
    {
        var active = _active ?? throw new InvalidOperationException("no active rollout");
        var json = evidence is null ? null : RolloutJson.Serialize(evidence);
        await _services.Store.AppendAsync(active.Id, kind, message, json, cancellationToken);
        if (WebhookEventNames.For(kind, evidence, _plan?.IsUndo ?? false) is { } name)
        {
            _services.Notifier?.Publish(new RolloutEvent(name, active.Id, active.Service, active.Candidate, active.Stable, active.Status.CandidateWeight, message, Now));
        }
    }

    /// <summary>Ends the rollout as failed before the candidate got traffic, stopping the candidate.</summary>
    private async Task<TimeSpan?> FailAsync(string message, CancellationToken cancellationToken)
    {
        await StopAsync(_active!.Candidate, cancellationToken);
        await SaveAsync(RolloutPhase.Failed, message, cancellationToken);
        await RecordAsync("failed", message, null, cancellationToken);
        return Finish();
    }
}
