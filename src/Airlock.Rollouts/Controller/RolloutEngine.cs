using System.Collections.Immutable;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Runtime;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Controller;

/// <summary>
/// The rollout state machine. It has no thread of its own: <see cref="RolloutController"/> is its one owner and calls
/// <see cref="AdvanceAsync"/> and <see cref="HandleAsync"/> from a single loop, which is also how tests drive it on a
/// fake clock. Every transition is written to the store before the engine relies on it, so a controller killed at
/// any moment resumes from the store (<see cref="RecoverAsync"/>) without repeating a finished step.
/// </summary>
public sealed partial class RolloutEngine
{
    private readonly RolloutEngineServices _services;
    private readonly Dictionary<string, RevisionInstance> _instances = new(StringComparer.Ordinal);

    // Revisions to stop at a time: the previous stable kept warm after a promote, a rolled-back candidate draining.
    private readonly Dictionary<string, DateTimeOffset> _retireAt = new(StringComparer.Ordinal);
    private RolloutRecord? _active;
    private RolloutRecord? _last;
    private RolloutPlan? _plan;
    private StableRecord? _stable;
    private AnalysisVerdict? _lastVerdict;
    private VerdictKind? _recordedKind;
    private DateTimeOffset _recordedAt;
    private DateTimeOffset _nextAnalysisAt;
    private int _inconclusiveAcknowledgedStep = -1;
    private RolloutSnapshot _snapshot;

    public RolloutEngine(RolloutEngineServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _snapshot = new RolloutSnapshot(services.Spec.Service.Name, null, null, null, null, [], services.Time.GetUtcNow());
    }

    /// <summary>How long a rolled-back candidate may drain before it is stopped.</summary>
    public static TimeSpan DrainBeforeStop { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The latest published state; safe to read from any thread.</summary>
    public RolloutSnapshot Snapshot => Volatile.Read(ref _snapshot);

    private string Service => _services.Spec.Service.Name;

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    /// <summary>
    /// Drives the active rollout as far as it can go without waiting. Returns how long until it next needs to run,
    /// or null when nothing is pending until a command arrives.
    /// </summary>
    public async Task<TimeSpan?> AdvanceAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await RetireDueAsync(cancellationToken);
                if (_active is null)
                {
                    return NextRetireDelay();
                }

                var wait = await StepOnceAsync(cancellationToken);
                if (wait is { } delay)
                {
                    return Min(delay, NextRetireDelay());
                }
            }
        }
        finally
        {
            Publish();
        }
    }

    private TimeSpan? NextRetireDelay()
    {
        if (_retireAt.Count == 0)
        {
            return null;
        }

        var next = _retireAt.Values.Min() - Now;
        return next < TimeSpan.Zero ? TimeSpan.Zero : next;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan? b) => b is { } other && other < a ? other : a;

    private void Publish()
    {
        var instances = _instances.Values.Select(instance => instance.ToRecord()).OrderBy(record => record.StartedAt).ToImmutableArray();
        Volatile.Write(ref _snapshot, new RolloutSnapshot(Service, _active, _last, _stable, _lastVerdict, instances, Now));
    }

    private async Task<TimeSpan?> StepOnceAsync(CancellationToken cancellationToken)
    {
        var phase = _active!.Status.Phase;
        return phase switch
        {
            RolloutPhase.Pending => await BeginAsync(cancellationToken),
            RolloutPhase.Preflight => await PreflightAsync(cancellationToken),
            RolloutPhase.Starting => await StartCandidateAsync(cancellationToken),
            RolloutPhase.HealthGate => await HealthGateAsync(cancellationToken),
            RolloutPhase.Verifying => await VerifyAsync(cancellationToken),
            RolloutPhase.Stepping => await StepAsync(cancellationToken),
            RolloutPhase.Promoting => await PromoteAsync(cancellationToken),
            RolloutPhase.RollingBack or RolloutPhase.Aborting or RolloutPhase.Holding => await RollBackAsync(cancellationToken),
            _ => Finish(),
        };
    }

    private TimeSpan? Finish()
    {
        _last = _active;
        _active = null;
        _plan = null;
        _lastVerdict = null;
        _recordedKind = null;
        _inconclusiveAcknowledgedStep = -1;
        return null;
    }
}
