using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace ChatAgent.Metrics;

/// <summary>
/// Collects the agent's instruments with a <see cref="MeterListener"/> and writes them in the Prometheus text format
/// (0.0.4). Written here because no Prometheus or OpenTelemetry exporter package is available to this build.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    // Seconds, from a fast knowledge-base answer to a long model stream.
    private static readonly double[] SecondsBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    // US dollars per turn, from a fraction of a cent (a small model) to a dollar (a long prompt on a large one).
    private static readonly double[] DollarBounds = [0.00001, 0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    // Ratios 0-1; the fine steps near 1 are where the "context window > 80%" warning lives.
    private static readonly double[] RatioBounds = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, PrometheusSeries>> _series = new();
    private readonly string _revisionLabel;

    public PrometheusExporter(ServiceRevision revision, AgentMetrics metrics)
    {
        _revisionLabel = $"revision=\"{Escape(revision.Revision)}\"";
        BuildInfo = $"# HELP chatagent_build_info The revision and build serving, always 1.\n# TYPE chatagent_build_info gauge\n" +
            $"chatagent_build_info{{{_revisionLabel},build=\"{Escape(revision.Build)}\"}} 1\n";
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private string BuildInfo { get; }

    public string Write()
    {
        var text = new StringBuilder(BuildInfo);

        // The conventional process metric (as Prometheus client libraries name it), read at scrape time: what a memory
        // budget (airlock check --live, row 9) and an OOM-killer compare with. Environment.WorkingSet is VmRSS on Linux.
        text.Append("# HELP process_resident_memory_bytes Resident memory size in bytes.\n# TYPE process_resident_memory_bytes gauge\n")
            .Append("process_resident_memory_bytes{").Append(_revisionLabel).Append("} ").Append(Environment.WorkingSet.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (instrument, series) in _series.OrderBy(p => p.Key.Name, StringComparer.Ordinal))
        {
            var isHistogram = instrument is Histogram<double> or Histogram<long>;
            var type = isHistogram ? "histogram" : "counter";

            // In the 0.0.4 text format a counter's family name carries the _total suffix itself.
            var name = isHistogram ? PrometheusName(instrument) : PrometheusName(instrument) + "_total";
            text.Append("# HELP ").Append(name).Append(' ').Append(instrument.Description).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var (labels, one) in series.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var (cumulative, sum, count) = one.Read();
                if (one.Bounds is null)
                {
                    text.Append(name).Append('{').Append(labels).Append("} ").Append(Format(sum)).Append('\n');
                    continue;
                }

                for (var i = 0; i < one.Bounds.Length; i++)
                {
                    text.Append(name).Append("_bucket{").Append(labels).Append(",le=\"").Append(Format(one.Bounds[i])).Append("\"} ").Append(cumulative[i]).Append('\n');
                }

                text.Append(name).Append("_bucket{").Append(labels).Append(",le=\"+Inf\"} ").Append(count).Append('\n');
                text.Append(name).Append("_sum{").Append(labels).Append("} ").Append(Format(sum)).Append('\n');
                text.Append(name).Append("_count{").Append(labels).Append("} ").Append(count).Append('\n');
            }
        }

        return text.ToString();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new StringBuilder(_revisionLabel);
        foreach (var tag in tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            labels.Append(',').Append(tag.Key).Append("=\"").Append(Escape(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "")).Append('"');
        }

        var bounds = instrument is not (Histogram<double> or Histogram<long>) ? null
            : instrument.Unit switch
            {
                "USD" => DollarBounds,
                "1" => RatioBounds,
                _ => SecondsBounds,
            };
        _series.GetOrAdd(instrument, _ => new ConcurrentDictionary<string, PrometheusSeries>(StringComparer.Ordinal))
            .GetOrAdd(labels.ToString(), _ => new PrometheusSeries(bounds))
            .Record(value);
    }

    private static string PrometheusName(Instrument instrument)
    {
        // Base units in the name, as Prometheus and OpenTelemetry name them; a ratio ("1") has no suffix.
        var name = instrument.Name.Replace('.', '_');
        return instrument.Unit switch
        {
            "s" => name + "_seconds",
            "USD" => name + "_usd",
            _ => name,
        };
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public void Dispose() => _listener.Dispose();
}
