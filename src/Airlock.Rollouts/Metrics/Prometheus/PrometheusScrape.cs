using System.Collections.Immutable;

namespace Airlock.Rollouts.Metrics.Prometheus;

/// <summary>One parsed exposition: the declared family types and every sample, in order.</summary>
internal sealed record PrometheusScrape(ImmutableDictionary<string, PrometheusMetricType> Types, ImmutableArray<PrometheusSample> Samples)
{
    private static readonly string[] FamilySuffixes = ["_bucket", "_sum", "_count", "_total", "_created"];

    /// <summary>The family a sample belongs to: its own declared name, or the histogram/summary/counter it is a part of.</summary>
    public string FamilyOf(string sampleName)
    {
        ArgumentNullException.ThrowIfNull(sampleName);
        if (Types.ContainsKey(sampleName))
        {
            return sampleName;
        }

        foreach (var suffix in FamilySuffixes)
        {
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal) && Types.ContainsKey(sampleName[..^suffix.Length]))
            {
                return sampleName[..^suffix.Length];
            }
        }

        return sampleName;
    }

    public PrometheusMetricType TypeOf(string family) => Types.GetValueOrDefault(family, PrometheusMetricType.Untyped);

    /// <summary>Every sample named exactly <paramref name="name"/>, whatever its labels.</summary>
    public IEnumerable<PrometheusSample> Named(string name) => Samples.Where(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    public bool Has(string name) => Samples.Any(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
