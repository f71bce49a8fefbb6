using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Metrics;
using Airlock.Rollouts.Routing;
using Airlock.Rollouts.Runtime;
using Airlock.Rollouts.Store;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Controller;

/// <summary>Everything the rollout engine acts through: one seam each, so tests can put a fake at any of them.</summary>
public sealed record RolloutEngineServices
{
    /// <summary>The deployment description new rollouts run under (each rollout freezes its own copy).</summary>
    public required DeploymentSpec Spec { get; init; }

    /// <summary>The repository the preflight rubric checks.</summary>
    public required string RepositoryRoot { get; init; }

    public required IRolloutStore Store { get; init; }

    public required IRevisionRuntime Runtime { get; init; }

    public required ITrafficRouter Router { get; init; }

    public required IMetricSource Metrics { get; init; }

    public required IRolloutJudge Judge { get; init; }

    public required IPreflight Preflight { get; init; }

    public required VerifyProbeRunner Probes { get; init; }

    /// <summary>Asks a revision's health endpoint once (the stable check before a rollback).</summary>
    public required HttpClient Http { get; init; }

    public IRolloutNotifier? Notifier { get; init; }

    /// <summary>Starts the router when it is not running yet (the first deploy of a service); null: it must run already.</summary>
    public IRouterHost? RouterHost { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public required ILogger Logger { get; init; }
}
