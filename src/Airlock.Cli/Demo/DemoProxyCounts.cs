using System.Globalization;

namespace Airlock.Cli.Demo;

/// <summary>Requests per revision as the proxy counted them (its /metrics on the admin listener, which needs no token).</summary>
internal sealed record DemoProxyCounts(string Revision, long Requests, long Failed)
{
    private const string Family = "airlock_proxy_requests_total{";

    public static async Task<IReadOnlyList<DemoProxyCounts>> ReadAsync(Uri admin, string route, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var text = await http.GetStringAsync(new Uri(admin, "/metrics"), cancellationToken);
        return Parse(text, route);
    }

    /// <summary>Sums <c>airlock_proxy_requests_total</c> per revision of the route; 5xx and transport failures are failures.</summary>
    public static IReadOnlyList<DemoProxyCounts> Parse(string exposition, string route)
    {
        var totals = new SortedDictionary<string, (long Requests, long Failed)>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(Family, StringComparison.Ordinal))
            {
                continue;
            }

            var close = line.LastIndexOf('}');
            var labels = Labels(line[Family.Length..close]);
            if (labels.GetValueOrDefault("route") != route || labels.GetValueOrDefault("revision") is not { } revision)
            {
                continue;
            }

            var value = (long)double.Parse(line[(close + 1)..].Trim(), CultureInfo.InvariantCulture);
            var failed = labels.GetValueOrDefault("code_class") is "5xx" or "transport_failure" ? value : 0;
            var (requests, failures) = totals.GetValueOrDefault(revision);
            totals[revision] = (requests + value, failures + failed);
        }

        return totals.Select(pair => new DemoProxyCounts(pair.Key, pair.Value.Requests, pair.Value.Failed)).ToList();
    }

    // Label values written by the proxy are revision and route names and fixed words: no escaped quotes or commas.
    private static Dictionary<string, string> Labels(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim().Trim('"'), StringComparer.Ordinal);
}
