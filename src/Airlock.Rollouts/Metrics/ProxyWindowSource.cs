using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Airlock.Rollouts.Routing;

namespace Airlock.Rollouts.Metrics;

/// <summary>
/// Per-revision figures over a sliding window from the proxy's
/// <c>GET /admin/revisions/{route}/window?last=2m</c>: requests, errors (5xx and transport failures), 4xx,
/// latency and time-to-first-byte quantiles, and error fingerprints.
/// </summary>
internal sealed class ProxyWindowSource(ProxyAdminClient client) : IMetricSource
{
    public async Task<IReadOnlyList<RevisionWindow>> ReadAsync(string route, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(route);
        var response = await client.GetAsync($"/admin/revisions/{Uri.EscapeDataString(route)}/window?last={Duration(window)}", cancellationToken);
        if (!response.IsSuccess)
        {
            throw new RouterException($"GET the {Duration(window)} window of route '{route}' failed: {response.Describe()}") { Code = response.ProblemCode ?? $"http_{(int)response.Status}" };
        }

        try
        {
            return [.. response.Body.GetProperty("revisions").EnumerateArray().Select(r => Read(r, window))];
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new RouterException($"the proxy's window for route '{route}' is not in the expected shape: {ex.Message}", ex) { Code = "bad_answer" };
        }
    }

    /// <summary>"30s", "2m": the proxy's duration syntax.</summary>
    public static string Duration(TimeSpan window) => window.TotalSeconds % 60 == 0 && window.TotalSeconds >= 60
        ? ((long)window.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m"
        : ((long)Math.Ceiling(window.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";

    private static RevisionWindow Read(JsonElement revision, TimeSpan window)
    {
        var fingerprints = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        if (revision.TryGetProperty("fingerprints", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                var key = item.GetProperty("key").GetString() ?? string.Empty;
                fingerprints[key] = fingerprints.GetValueOrDefault(key) + item.GetProperty("count").GetInt64();
            }
        }

        var clientErrors = revision.TryGetProperty("responses", out var responses) && responses.TryGetProperty("4xx", out var fourxx) ? fourxx.GetInt64() : 0;
        return new RevisionWindow(
            revision.GetProperty("name").GetString() ?? string.Empty,
            window,
            revision.GetProperty("requests").GetInt64(),
            revision.GetProperty("errors").GetInt64(),
            clientErrors,
            Quantiles(revision, "latency"),
            Quantiles(revision, "timeToFirstByte"),
            fingerprints.ToImmutable(),
            ImmutableDictionary<string, double>.Empty);
    }

    private static QuantileSet Quantiles(JsonElement revision, string property)
    {
        if (!revision.TryGetProperty(property, out var q) || q.ValueKind != JsonValueKind.Object)
        {
            return QuantileSet.Empty;
        }

        static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        return new QuantileSet(q.GetProperty("count").GetInt64(), Number(q, "p50"), Number(q, "p95"), Number(q, "p99"), Number(q, "max"));
    }
}
