using System.Collections.Immutable;
using Airlock.Rollouts.Controller;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Api;

/// <summary>
/// A rollout as the API shows it. The frozen spec stays in the store: its environment may hold secrets, so only the
/// names of the variables set for the revision are shown.
/// </summary>
public sealed record RolloutView(
    long Id,
    string Service,
    string Candidate,
    string? Stable,
    bool Undo,
    ImmutableArray<string> EnvironmentNames,
    string? ForceReason,
    DateTimeOffset CreatedAt,
    RolloutStatus Status)
{
    public static RolloutView From(RolloutRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plan = RolloutJson.Deserialize<RolloutPlan>(record.SpecJson);
        return new RolloutView(record.Id, record.Service, record.Candidate, record.Stable, plan.IsUndo,
            [.. plan.Environment.Keys.Order(StringComparer.Ordinal)], record.ForceReason, record.CreatedAt, record.Status);
    }
}
