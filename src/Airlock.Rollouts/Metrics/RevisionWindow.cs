using System.Collections.Immutable;

namespace Airlock.Rollouts.Metrics;

/// <summary>
/// One revision's figures over one window. Counts are requests completed in the window; quantiles are in seconds
/// and null when there were no requests. <paramref name="AppSignals"/> holds per-request or gauge values from the
/// revision's own metrics (for example <c>cost_per_request</c>, <c>tokens_per_request</c>, <c>context_utilisation</c>).
/// </summary>
public sealed record RevisionWindow(
    string Revision,
    TimeSpan Window,
    long Requests,
    long Errors,
    long ClientErrors,
    QuantileSet Latency,
    QuantileSet TimeToFirstByte,
    ImmutableDictionary<string, long> Fingerprints,
    ImmutableDictionary<string, double> AppSignals)
{
    public double? ErrorRate => Requests == 0 ? null : (double)Errors / Requests;

    /// <summary>
    /// How many events each app signal is an average over (turns for <c>cost_per_request</c>, observations for a
    /// histogram's mean); a signal missing here is taken to cover <see cref="Requests"/>.
    /// </summary>
    public ImmutableDictionary<string, long> AppSignalSamples { get; init; } = ImmutableDictionary<string, long>.Empty;
}
