using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;

namespace Airlock.Rollouts.Controller;

/// <summary>
/// The one place where the ledger's kinds (many, for the audit trail) become the event names webhooks subscribe to
/// (<see cref="WebhookEvents"/>, documented in docs/airlock-yaml.md). Kinds with no documented name are not sent.
/// </summary>
internal static class WebhookEventNames
{
    /// <summary>The webhook event for a ledger entry, or null when webhooks do not hear of it.</summary>
    public static string? For(string ledgerKind, object? evidence, bool isUndo) => ledgerKind switch
    {
        // An undo is announced once, when it has happened; its request and its switch are not a new rollout.
        "requested" => isUndo ? null : WebhookEvents.Started,
        "promoted" => isUndo ? WebhookEvents.Undone : WebhookEvents.Promoted,
        "step" => WebhookEvents.Step,
        "paused" => WebhookEvents.Paused,
        "resumed" => WebhookEvents.Resumed,
        "approval_waiting" => WebhookEvents.ApprovalRequired,
        "approved" => WebhookEvents.Approved,
        "rolled_back" => WebhookEvents.RolledBack,
        "aborted" => WebhookEvents.Aborted,
        "failed" => WebhookEvents.Failed,

        // Holding (no healthy stable to roll back onto) needs a person as much as any warning condition does.
        "holding" => WebhookEvents.Warning,
        "verdict" when evidence is AnalysisVerdict verdict && verdict.Warnings.Any(w => w.Kind == VerdictKind.Fail) => WebhookEvents.Warning,
        _ => null,
    };
}
