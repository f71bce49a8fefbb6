using System.Collections.Immutable;

namespace Airlock.Core.Deployment;

/// <summary>The rollout events a webhook can subscribe to (<see cref="WebhookSpec.Events"/>); all of them by default.</summary>
public static class WebhookEvents
{
    public const string Started = "started";
    public const string Step = "step";
    public const string Paused = "paused";
    public const string Resumed = "resumed";
    public const string ApprovalRequired = "approval_required";
    public const string Approved = "approved";
    public const string Warning = "warning";
    public const string Promoted = "promoted";
    public const string RolledBack = "rolled_back";
    public const string Aborted = "aborted";
    public const string Undone = "undone";
    public const string Failed = "failed";

    public static ImmutableArray<string> All { get; } =
        [Started, Step, Paused, Resumed, ApprovalRequired, Approved, Warning, Promoted, RolledBack, Aborted, Undone, Failed];
}
