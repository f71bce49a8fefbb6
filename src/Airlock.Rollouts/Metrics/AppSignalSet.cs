using System.Collections.Immutable;

namespace Airlock.Rollouts.Metrics;

/// <summary>App signals of one revision over one window, with how many events each averages over.</summary>
/// <param name="Span">The time between the two scrapes the deltas come from (the window, or less while history is short).</param>
internal sealed record AppSignalSet(ImmutableDictionary<string, double> Values, ImmutableDictionary<string, long> Samples, TimeSpan Span)
{
    public static AppSignalSet Empty { get; } = new(ImmutableDictionary<string, double>.Empty, ImmutableDictionary<string, long>.Empty, TimeSpan.Zero);
}
