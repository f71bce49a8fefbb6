using System.Collections.Immutable;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Controller;

public sealed partial class RolloutEngine
{
    /// <summary>Records a new rollout of <see cref="DeployRequest.Revision"/>; the next <see cref="AdvanceAsync"/> starts it.</summary>
    public async Task<CommandResult> DeployAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_active is { } active)
        {
            return CommandResult.Refused($"rollout {active.Id} of {active.Candidate} is in progress ({Describe(active.Status.Phase)}); abort it or wait for it to finish");
        }

        if (!RevisionNames.IsValid(request.Revision))
        {
            return CommandResult.Refused(RevisionNames.Rule);
        }

        if (request.Force && string.IsNullOrWhiteSpace(request.Reason))
        {
            return CommandResult.Refused("--force needs --reason: the audit trail keeps why the preflight was overridden");
        }

        if (request.Revision == _stable?.Revision)
        {
            return CommandResult.Refused($"{request.Revision} is already the live revision");
        }

        var plan = new RolloutPlan(_services.Spec, request.Environment);
        return await CreateAsync(request.Revision, plan, request.Force ? request.Reason : null, cancellationToken);
    }

    /// <summary>Applies a person's command to the current rollout (or, for undo, to the service).</summary>
    public async Task<CommandResult> HandleAsync(RolloutCommandKind kind, bool full, CancellationToken cancellationToken)
    {
        try
        {
            return kind == RolloutCommandKind.Undo
                ? await UndoAsync(cancellationToken)
                : await HandleActiveAsync(kind, full, cancellationToken);
        }
        finally
        {
            Publish();
        }
    }

    private async Task<CommandResult> HandleActiveAsync(RolloutCommandKind kind, bool full, CancellationToken cancellationToken)
    {
        if (_active is not { } active)
        {
            return CommandResult.Refused("no rollout is in progress");
        }

        var status = active.Status;
        var stepping = status.Phase == RolloutPhase.Stepping;
        switch (kind)
        {
            case RolloutCommandKind.Abort when status.Phase is RolloutPhase.RollingBack or RolloutPhase.Aborting:
                return CommandResult.Refused($"rollout {active.Id} is already rolling back");
            case RolloutCommandKind.Abort when status.Phase.MayHaveTraffic() || status.Phase == RolloutPhase.Promoting:
                _abortRequested = true;
                await SaveAsync(RolloutPhase.Aborting, "aborting: sending all traffic back to " + (active.Stable ?? "nothing"), cancellationToken);
                await RecordAsync("abort_requested", "abort requested", null, cancellationToken);
                return Accepted($"aborting rollout {active.Id}: all traffic goes back to {active.Stable}");
            case RolloutCommandKind.Abort:
                await StopAsync(active.Candidate, cancellationToken);
                await SaveAsync(RolloutPhase.Aborted, $"aborted during {Describe(status.Phase)}; {active.Candidate} never got traffic", cancellationToken);
                await RecordAsync("aborted", $"aborted during {Describe(status.Phase)}", null, cancellationToken);
                Finish();
                return new CommandResult(true, $"aborted rollout {active.Id} before it got traffic", active.Id);
            case RolloutCommandKind.Promote when stepping && full:
                await SaveAsync(RolloutPhase.Promoting, "promoted by a person: skipping the remaining steps", cancellationToken);
                await RecordAsync("promote_requested", "full promotion requested", null, cancellationToken);
                return Accepted($"promoting {active.Candidate} to 100%");
            case RolloutCommandKind.Promote when stepping:
                await AdvanceStepAsync("step skipped by a person", cancellationToken);
                return Accepted($"skipped step {status.StepIndex + 1} of rollout {active.Id}");
            case RolloutCommandKind.Approve when status.WaitingForApproval is { } gate:
                await RecordAsync("approved", $"approval '{gate}' given", null, cancellationToken);
                await AdvanceStepAsync($"approval '{gate}' given", cancellationToken);
                return Accepted($"approved '{gate}'");
            case RolloutCommandKind.Approve:
                return CommandResult.Refused($"rollout {active.Id} is not waiting for an approval ({Describe(status.Phase)})");
            case RolloutCommandKind.Pause when stepping && !status.PausedByUser:
                await SaveAsync(s => s with { PausedByUser = true, Message = "paused by a person; analysis and automatic rollback go on" }, cancellationToken);
                await RecordAsync("paused", "paused by a person", null, cancellationToken);
                return Accepted($"paused rollout {active.Id} at {status.CandidateWeight}%");
            case RolloutCommandKind.Resume when status.PausedByUser:
                await SaveAsync(s => s with { PausedByUser = false, StepStartedAt = s.StepStartedAt, Message = "resumed" }, cancellationToken);
                await RecordAsync("resumed", "resumed by a person", null, cancellationToken);
                return Accepted($"resumed rollout {active.Id}");
            default:
                return CommandResult.Refused($"cannot {kind.ToString().ToLowerInvariant()} rollout {active.Id} while it is {Describe(status.Phase)}{(status.PausedByUser ? " (paused)" : string.Empty)}");
        }

        CommandResult Accepted(string message) => new(true, message, active.Id);
    }

    /// <summary>Undo: a rollout back to the previous stable revision, with no preflight and no steps.</summary>
    private async Task<CommandResult> UndoAsync(CancellationToken cancellationToken)
    {
        if (_active is { } active)
        {
            return CommandResult.Refused($"rollout {active.Id} is in progress; use abort to stop it");
        }

        if (_stable?.Previous is not { } previous)
        {
            return CommandResult.Refused("there is no previous stable revision to go back to");
        }

        var origin = (await _services.Store.ListAsync(200, cancellationToken))
            .FirstOrDefault(r => r.Candidate == previous && r.Status.Phase == RolloutPhase.Promoted);
        var environment = origin is null
            ? ImmutableDictionary<string, string>.Empty
            : RolloutJson.Deserialize<RolloutPlan>(origin.SpecJson).Environment;
        return await CreateAsync(previous, new RolloutPlan(_services.Spec, environment, IsUndo: true), null, cancellationToken);
    }

    private async Task<CommandResult> CreateAsync(string revision, RolloutPlan plan, string? forceReason, CancellationToken cancellationToken)
    {
        var record = await _services.Store.CreateAsync(
            new NewRollout(Service, revision, _stable?.Revision, RolloutJson.Serialize(plan), forceReason, Now), cancellationToken);
        _active = record;
        _plan = plan;
        _lastVerdict = null;
        _recordedKind = null;
        var what = plan.IsUndo ? $"undo to {revision}" : $"rollout of {revision}";
        await RecordAsync("requested", _stable is null ? $"{what} (first revision)" : $"{what} beside {_stable.Revision}", plan.Environment.Keys.Order(StringComparer.Ordinal).ToArray(), cancellationToken);
        Publish();
        return new CommandResult(true, $"{what} started as rollout {record.Id}", record.Id);
    }

    private static string Describe(RolloutPhase phase) => phase.ToString().ToLowerInvariant();
}
