using System.Globalization;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Controller;

public sealed partial class RolloutEngine
{
    /// <summary>One pass over the current step: analysis first (a failure rolls back from any step), then the step.</summary>
    private async Task<TimeSpan?> StepAsync(CancellationToken cancellationToken)
    {
        var active = _active!;
        var candidate = active.Candidate;
        if (_instances.TryGetValue(candidate, out var instance) && instance.Exited.IsCompleted)
        {
            var code = instance.Exited.Result is { } exit ? exit.ToString(CultureInfo.InvariantCulture) : "unknown";
            return await BeginRollbackAsync($"{candidate} exited (code {code}) during the rollout", null, cancellationToken);
        }

        if (active.Status.CandidateWeight > 0 && Now >= _nextAnalysisAt)
        {
            _nextAnalysisAt = Now + _plan!.Spec.Analysis.Interval;
            var verdict = await AnalyseAsync(cancellationToken);
            if (verdict?.Overall == VerdictKind.Fail)
            {
                var reasons = string.Join("; ", verdict.Rollback.Where(v => v.Kind == VerdictKind.Fail).Select(v => v.Sentence));
                return await BeginRollbackAsync(reasons, verdict, cancellationToken);
            }

            if (verdict?.Overall == VerdictKind.Inconclusive && _inconclusiveAcknowledgedStep != active.Status.StepIndex && !active.Status.PausedByUser)
            {
                await PauseForHumanAsync($"analysis inconclusive: {Sentences(verdict, VerdictKind.Inconclusive)}; promote, resume or abort", verdict, cancellationToken);
                return UntilNextAnalysis();
            }
        }

        if (_active!.Status.PausedByUser)
        {
            return UntilNextAnalysis();
        }

        return _plan!.Spec.Strategy.Kind == StrategyKind.BlueGreen
            ? await BlueGreenStepAsync(cancellationToken)
            : await CanaryStepAsync(cancellationToken);
    }

    private async Task<TimeSpan?> CanaryStepAsync(CancellationToken cancellationToken)
    {
        var status = _active!.Status;
        var steps = _plan!.Spec.Strategy.Steps;
        if (status.StepIndex >= steps.Length)
        {
            await SaveAsync(RolloutPhase.Promoting, "all steps passed; promoting", cancellationToken);
            return null;
        }

        switch (steps[status.StepIndex])
        {
            case RolloutStepSpec.SetWeight setWeight:
                await SetCandidateWeightAsync(setWeight.Percent, cancellationToken);
                return null;
            case RolloutStepSpec.Pause pause:
                return await HoldAsync(pause.Duration, cancellationToken);
            case RolloutStepSpec.Approval approval:
                return await AwaitApprovalAsync(approval.Name, cancellationToken);
            default:
                throw new InvalidOperationException($"unknown step {steps[status.StepIndex]}");
        }
    }

    /// <summary>
    /// Blue-green in three steps: 0 preview (the candidate runs beside stable with no public traffic, for the preview
    /// time and an optional approval), 1 the switch (100% at once), 2 a bake of the same length under analysis with
    /// stable kept warm, then promote.
    /// </summary>
    private async Task<TimeSpan?> BlueGreenStepAsync(CancellationToken cancellationToken)
    {
        var status = _active!.Status;
        var strategy = _plan!.Spec.Strategy;
        switch (status.StepIndex)
        {
            case 0:
                var previewLeft = status.StepStartedAt!.Value + strategy.Preview - Now;
                if (previewLeft > TimeSpan.Zero)
                {
                    return previewLeft;
                }

                if (strategy.PreviewApproval)
                {
                    return await AwaitApprovalAsync("switch", cancellationToken);
                }

                await AdvanceStepAsync("preview passed", cancellationToken);
                return null;
            case 1:
                await SetCandidateWeightAsync(100, cancellationToken);
                return null;
            case 2:
                return await HoldAsync(strategy.Preview, cancellationToken);
            default:
                await SaveAsync(RolloutPhase.Promoting, "the switch held; promoting", cancellationToken);
                return null;
        }
    }

    private async Task SetCandidateWeightAsync(int percent, CancellationToken cancellationToken)
    {
        await ApplyWeightsAsync(_active!.Stable, percent, cancellationToken);
        var message = string.Create(CultureInfo.InvariantCulture, $"{_active.Candidate} at {percent}%");
        await SaveAsync(status => status with
        {
            StepIndex = status.StepIndex + 1,
            CandidateWeight = percent,
            StepStartedAt = Now,
            Message = message,
        }, cancellationToken);
        await RecordAsync("step", message, new { weight = percent }, cancellationToken);
        _nextAnalysisAt = Now;
    }

    /// <summary>
    /// A pause: analysis runs on; at its end, a step whose last verdict still lacked data is extended (never failed)
    /// up to four times its length, then paused for a human as inconclusive.
    /// </summary>
    private async Task<TimeSpan?> HoldAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var status = _active!.Status;
        var end = status.StepStartedAt!.Value + duration;
        if (Now < end)
        {
            return Min(end - Now, UntilNextAnalysis());
        }

        if (_lastVerdict?.Overall == VerdictKind.InsufficientData && status.CandidateWeight > 0)
        {
            var extension = duration * 4 < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : duration * 4;
            if (Now < end + extension)
            {
                return UntilNextAnalysis();
            }

            if (_inconclusiveAcknowledgedStep != status.StepIndex)
            {
                await PauseForHumanAsync(
                    string.Create(CultureInfo.InvariantCulture, $"not enough traffic to judge {_active.Candidate} after {(Now - status.StepStartedAt.Value).TotalSeconds:0} s: {Sentences(_lastVerdict, VerdictKind.InsufficientData)}; promote, resume or abort"),
                    _lastVerdict,
                    cancellationToken);
                return UntilNextAnalysis();
            }
        }

        await AdvanceStepAsync(string.Create(CultureInfo.InvariantCulture, $"pause of {duration.TotalSeconds:0.#} s at {status.CandidateWeight}% passed"), cancellationToken);
        return null;
    }

    private async Task<TimeSpan?> AwaitApprovalAsync(string name, CancellationToken cancellationToken)
    {
        if (_active!.Status.WaitingForApproval != name)
        {
            var message = $"waiting for approval '{name}' (airlock approve)";
            await SaveAsync(status => status with { WaitingForApproval = name, Message = message }, cancellationToken);
            await RecordAsync("approval_waiting", message, null, cancellationToken);
        }

        return UntilNextAnalysis();
    }

    private async Task AdvanceStepAsync(string message, CancellationToken cancellationToken)
    {
        await SaveAsync(status => status with
        {
            StepIndex = status.StepIndex + 1,
            StepStartedAt = Now,
            WaitingForApproval = null,
            Message = message,
        }, cancellationToken);
        await RecordAsync("step_passed", message, null, cancellationToken);
    }

    private async Task PauseForHumanAsync(string message, AnalysisVerdict? verdict, CancellationToken cancellationToken)
    {
        _inconclusiveAcknowledgedStep = _active!.Status.StepIndex;
        await SaveAsync(status => status with { PausedByUser = true, Message = "paused: " + message }, cancellationToken);
        await RecordAsync("paused", message, verdict, cancellationToken);
    }

    private TimeSpan UntilNextAnalysis()
    {
        var left = _nextAnalysisAt - Now;
        return left > TimeSpan.Zero ? left : _plan!.Spec.Analysis.Interval;
    }

    private static string Sentences(AnalysisVerdict verdict, VerdictKind kind) =>
        string.Join("; ", verdict.Rollback.Where(v => v.Kind == kind).Select(v => v.Sentence));
}
