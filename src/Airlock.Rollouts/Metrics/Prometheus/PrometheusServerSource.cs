using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Airlock.Rollouts.Metrics.Prometheus;

/// <summary>
/// App signals from a Prometheus server's HTTP API (<c>GET /api/v1/query</c>, instant vectors summed by the
/// <c>revision</c> label the app puts on its series): the same signals <see cref="AppSignalCalculator"/> computes from
/// scrapes, as PromQL over the window. <c>app:</c> counters are per turn here (the server does not know the proxy's
/// request counts). Used when airlock.yaml sets <c>analysis.prometheus</c>.
/// </summary>
/// <param name="appMetrics">The <c>app:&lt;name&gt;</c> names the conditions read.</param>
internal sealed class PrometheusServerSource(HttpClient http, Uri server, IReadOnlyCollection<string> appMetrics) : IMetricSource
{
    public async Task<IReadOnlyList<RevisionWindow>> ReadAsync(string route, TimeSpan window, CancellationToken cancellationToken)
    {
        var range = ((long)Math.Max(1, Math.Ceiling(window.TotalSeconds))).ToString(CultureInfo.InvariantCulture) + "s";
        string Increase(string name) => $"sum by (revision) (increase({name}[{range}]))";
        var turns = Increase(AppSignalCalculator.TurnsCounter);
        var queries = new List<(string Signal, string Query, bool PerTurn)>
        {
            (AppSignalNames.CostPerRequest, $"{Increase(AppSignalCalculator.CostCounter)} / {turns}", true),
            (AppSignalNames.TokensPerRequest, $"{Increase(AppSignalCalculator.TokensCounter)} / {turns}", true),
            (AppSignalNames.ContextUtilisation, $"{Increase(AppSignalCalculator.ContextUtilisationFamily + "_sum")} / {Increase(AppSignalCalculator.ContextUtilisationFamily + "_count")}", false),
        };
        foreach (var name in appMetrics.Distinct(StringComparer.Ordinal))
        {
            queries.Add(name.EndsWith("_total", StringComparison.Ordinal)
                ? (AppSignalNames.App(name), $"{Increase(name)} / {turns}", true)
                : (AppSignalNames.App(name), $"sum by (revision) ({name})", false));
        }

        var turnCounts = await QueryAsync(turns, cancellationToken);
        var values = new Dictionary<string, ImmutableDictionary<string, double>.Builder>(StringComparer.Ordinal);
        var samples = new Dictionary<string, ImmutableDictionary<string, long>.Builder>(StringComparer.Ordinal);
        foreach (var (signal, query, perTurn) in queries)
        {
            foreach (var (revision, value) in await QueryAsync(query, cancellationToken))
            {
                if (double.IsNaN(value) || double.IsInfinity(value))
                {
                    continue; // No turns in the window: 0/0.
                }

                Builder(values, revision)[signal] = value;
                if (perTurn && turnCounts.TryGetValue(revision, out var count))
                {
                    Builder(samples, revision)[signal] = (long)Math.Round(count);
                }
            }
        }

        return [.. values.Select(v => new RevisionWindow(v.Key, window, 0, 0, 0, QuantileSet.Empty, QuantileSet.Empty, ImmutableDictionary<string, long>.Empty, v.Value.ToImmutable())
        {
            AppSignalSamples = samples.TryGetValue(v.Key, out var s) ? s.ToImmutable() : ImmutableDictionary<string, long>.Empty,
        })];
    }

    private static ImmutableDictionary<string, T>.Builder Builder<T>(Dictionary<string, ImmutableDictionary<string, T>.Builder> all, string revision)
    {
        if (!all.TryGetValue(revision, out var builder))
        {
            all[revision] = builder = ImmutableDictionary.CreateBuilder<string, T>(StringComparer.Ordinal);
        }

        return builder;
    }

    /// <summary>An instant query's vector as revision → value; series without a revision label are skipped.</summary>
    private async Task<Dictionary<string, double>> QueryAsync(string query, CancellationToken cancellationToken)
    {
        var url = new Uri(server, "/api/v1/query?query=" + Uri.EscapeDataString(query));
        using var response = await http.GetAsync(url, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (!response.IsSuccessStatusCode || root.GetProperty("status").GetString() != "success")
        {
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : $"HTTP {(int)response.StatusCode}";
            throw new HttpRequestException($"Prometheus at {server} refused '{query}': {error}");
        }

        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var item in root.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            if (item.GetProperty("metric").TryGetProperty("revision", out var revision) && revision.GetString() is { } name)
            {
                var value = item.GetProperty("value")[1].GetString();
                result[name] = value switch
                {
                    "NaN" => double.NaN,
                    "+Inf" => double.PositiveInfinity,
                    "-Inf" => double.NegativeInfinity,
                    _ => double.Parse(value!, NumberStyles.Float, CultureInfo.InvariantCulture),
                };
            }
        }

        return result;
    }
}
