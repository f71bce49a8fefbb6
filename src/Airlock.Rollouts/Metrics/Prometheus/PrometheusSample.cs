using System.Collections.Immutable;

namespace Airlock.Rollouts.Metrics.Prometheus;

/// <summary>One sample line: name, labels (as written, unescaped), value and the optional timestamp in ms.</summary>
internal sealed record PrometheusSample(string Name, ImmutableSortedDictionary<string, string> Labels, double Value, long? TimestampMs)
{
    /// <summary>Name plus sorted labels: identifies the series across two scrapes.</summary>
    public string SeriesKey => Labels.Count == 0 ? Name : Name + "{" + string.Join(",", Labels.Select(l => l.Key + "=" + l.Value)) + "}";
}
