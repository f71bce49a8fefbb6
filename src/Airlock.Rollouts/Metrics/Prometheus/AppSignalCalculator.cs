using System.Collections.Immutable;

namespace Airlock.Rollouts.Metrics.Prometheus;

/// <summary>
/// App signals from two scrapes of a revision's <c>/metrics</c> (samples/ChatAgent/Metrics names):
/// <c>cost_per_request</c> = Δ<c>chatagent_cost_usd_total</c> / Δturns, <c>tokens_per_request</c> =
/// Δ<c>chatagent_model_tokens_total</c> (every direction) / Δturns, <c>context_utilisation</c> = the mean
/// observation of <c>chatagent_context_window_utilisation</c> in the window (or the gauge's mean), and for every
/// family <c>app:&lt;name&gt;</c>: a counter's increase per request, a histogram's or summary's mean observation,
/// a gauge's value (summed over its series). Counter resets (a restarted revision) count from zero.
/// </summary>
internal static class AppSignalCalculator
{
    public const string TurnsCounter = "chatagent_turns_total";
    public const string CostCounter = "chatagent_cost_usd_total";
    public const string TokensCounter = "chatagent_model_tokens_total";
    public const string ContextUtilisationFamily = "chatagent_context_window_utilisation";

    /// <param name="earlier">The scrape at the window's start; null when there is only one scrape (gauges only).</param>
    /// <param name="requests">Requests the revision served in the window (the proxy's count); null: turns are used.</param>
    public static AppSignalSet Compute(PrometheusScrape? earlier, PrometheusScrape later, long? requests, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(later);
        var values = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var samples = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        var turns = earlier is null || !later.Has(TurnsCounter) ? (long?)null : (long)Math.Round(Increase(earlier, later, TurnsCounter));
        if (turns is > 0)
        {
            PerTurn(AppSignalNames.CostPerRequest, CostCounter);
            PerTurn(AppSignalNames.TokensPerRequest, TokensCounter);
        }

        if (Mean(earlier, later, ContextUtilisationFamily) is { } utilisation)
        {
            values[AppSignalNames.ContextUtilisation] = utilisation.Value;
            if (utilisation.Count is { } count)
            {
                samples[AppSignalNames.ContextUtilisation] = count;
            }
        }

        var perRequest = requests ?? turns;
        foreach (var family in later.Samples.Select(s => later.FamilyOf(s.Name)).Distinct(StringComparer.Ordinal))
        {
            switch (later.TypeOf(family))
            {
                case PrometheusMetricType.Counter when earlier is not null && perRequest is > 0:
                    foreach (var name in later.Samples.Select(s => s.Name).Where(n => n == family || n == family + "_total").Distinct(StringComparer.Ordinal))
                    {
                        var key = AppSignalNames.App(name);
                        values[key] = Increase(earlier, later, name) / perRequest.Value;
                        samples[key] = perRequest.Value;
                    }

                    break;
                case PrometheusMetricType.Histogram or PrometheusMetricType.Summary:
                    if (Mean(earlier, later, family) is { Count: { } observed } mean)
                    {
                        values[AppSignalNames.App(family)] = mean.Value;
                        samples[AppSignalNames.App(family)] = observed;
                    }

                    break;
                case PrometheusMetricType.Gauge or PrometheusMetricType.Untyped:
                    var current = later.Named(family).Where(s => !double.IsNaN(s.Value)).ToList();
                    if (current.Count > 0)
                    {
                        values[AppSignalNames.App(family)] = current.Sum(s => s.Value);
                    }

                    break;
                default:
                    break; // A counter without an earlier scrape or without requests has no rate yet.
            }
        }

        return new AppSignalSet(values.ToImmutable(), samples.ToImmutable(), span);

        void PerTurn(string signal, string counter)
        {
            if (later.Has(counter))
            {
                values[signal] = Increase(earlier!, later, counter) / turns!.Value;
                samples[signal] = turns.Value;
            }
        }
    }

    /// <summary>The increase of every series named <paramref name="name"/>, summed; a series that went down restarted from 0.</summary>
    public static double Increase(PrometheusScrape earlier, PrometheusScrape later, string name)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var before = earlier.Named(name).ToDictionary(s => s.SeriesKey, s => s.Value, StringComparer.Ordinal);
        double total = 0;
        foreach (var sample in later.Named(name))
        {
            var previous = before.GetValueOrDefault(sample.SeriesKey);
            total += sample.Value >= previous ? sample.Value - previous : sample.Value;
        }

        return total;
    }

    /// <summary>A histogram's or summary's mean observation in the window (Δsum/Δcount), or a gauge's mean value.</summary>
    private static (double Value, long? Count)? Mean(PrometheusScrape? earlier, PrometheusScrape later, string family)
    {
        switch (later.TypeOf(family))
        {
            case PrometheusMetricType.Histogram or PrometheusMetricType.Summary:
                if (earlier is null)
                {
                    return null;
                }

                var count = Increase(earlier, later, family + "_count");
                return count > 0 ? (Increase(earlier, later, family + "_sum") / count, (long)Math.Round(count)) : null;
            case PrometheusMetricType.Gauge or PrometheusMetricType.Untyped:
                var values = later.Named(family).Where(s => !double.IsNaN(s.Value)).Select(s => s.Value).ToList();
                return values.Count > 0 ? (values.Average(), null) : null;
            default:
                return null;
        }
    }
}
