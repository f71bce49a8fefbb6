using System.Collections.Immutable;

namespace Airlock.Core.Config;

/// <summary>Who signs off each rubric row: a default plus overrides by check id (for example <c>secrets</c>).</summary>
public sealed record OwnersConfig
{
    public const string Unassigned = "unassigned";

    public string Default { get; init; } = Unassigned;

    public ImmutableDictionary<string, string> ByCheck { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string For(string checkId) => ByCheck.TryGetValue(checkId, out var owner) ? owner : Default;
}
