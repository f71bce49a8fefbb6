using Airlock.Proxy.Draining;
using Airlock.Proxy.Routing;
using Airlock.Proxy.Telemetry;

namespace Airlock.Proxy.Admin;

/// <summary>
/// <c>GET /metrics</c>: the proxy's telemetry as Prometheus text. Counters are since start; the latency summaries'
/// quantiles cover the last <see cref="QuantileWindowSeconds"/> (a since-start quantile stops moving after a while),
/// their <c>_sum</c> and <c>_count</c> since start, as Prometheus client libraries do. Labels never carry user ids:
/// route, revision, status class, state, and fingerprints (bounded per revision).
/// </summary>
internal static class MetricsExposition
{
    public const int QuantileWindowSeconds = 600;
    private const string Prefix = "airlock_proxy_";
    private static readonly double[] Quantiles = [0.5, 0.95, 0.99];

    private static readonly (RequestOutcome Outcome, string Label)[] CodeClasses =
    [
        (RequestOutcome.Informational, "1xx"),
        (RequestOutcome.Success, "2xx"),
        (RequestOutcome.Redirection, "3xx"),
        (RequestOutcome.ClientError, "4xx"),
        (RequestOutcome.ServerError, "5xx"),
        (RequestOutcome.TransportFailure, "transport_failure"),
        (RequestOutcome.ClientAbort, "client_abort"),
    ];

    public static string Write(ProxyTelemetry telemetry, RouteTable table, DrainTracker drains)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(drains);
        var text = new PrometheusText();
        var measured = telemetry.Snapshot();
        var now = telemetry.Time.GetUtcNow();

        text.Family(Prefix + "requests_total", "counter", "Requests that ended, by route, revision and outcome: the status class relayed from the revision, transport_failure (the proxy's 502/504 or a broken stream) or client_abort.");
        foreach (var r in measured)
        {
            foreach (var (outcome, label) in CodeClasses)
            {
                text.Sample(Prefix + "requests_total", r.Outcomes(outcome), ("route", r.Route), ("revision", r.Revision), ("code_class", label));
            }
        }

        Counter(text, measured, "errors_total", "Requests held against the revision: 5xx responses plus transport failures.", r => r.Errors);
        Counter(text, measured, "transport_failures_total", "Requests the revision failed at the transport level: the proxy answered 502/504, or the response broke off mid-stream.", r => r.TransportFailures);
        Counter(text, measured, "client_aborts_total", "Requests whose client went away before the end, and streams cut at the drain bound.", r => r.ClientAborts);
        Counter(text, measured, "bytes_received_total", "Request body bytes received from clients and sent to the revision.", r => r.BytesIn);
        Counter(text, measured, "bytes_sent_total", "Response body bytes relayed from the revision to clients.", r => r.BytesOut);

        text.Family(Prefix + "in_flight_requests", "gauge", "Requests forwarded to the revision and not yet finished (saturation).");
        foreach (var r in measured)
        {
            text.Sample(Prefix + "in_flight_requests", r.InFlight, ("route", r.Route), ("revision", r.Revision));
        }

        var windows = measured.Select(r => r.Window.Query(QuantileWindowSeconds, now)).ToList();
        Summary(text, measured, windows, "request_duration_seconds", "From receiving the request to the end of the relayed response; quantiles over the last 10 minutes (1% relative error).", r => r.Latency, w => w.Latency);
        Summary(text, measured, windows, "time_to_first_byte_seconds", "From receiving the request to sending the response headers; quantiles over the last 10 minutes (1% relative error).", r => r.TimeToFirstByte, w => w.TimeToFirstByte);

        text.Family(Prefix + "error_fingerprints_total", "counter", "Errors by fingerprint: the app's error code (header or problem body), else status:NNN, else the proxy's transport failure code; at most 64 per revision, the rest 'other'.");
        foreach (var r in measured)
        {
            foreach (var fingerprint in r.Fingerprints.Totals())
            {
                text.Sample(Prefix + "error_fingerprints_total", fingerprint.Count, ("route", r.Route), ("revision", r.Revision), ("fingerprint", fingerprint.Key));
            }
        }

        text.Family(Prefix + "route_weight", "gauge", "The revision's weight in the serving route table (a relative share).");
        foreach (var route in table.Routes.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            foreach (var revision in route.Revisions)
            {
                text.Sample(Prefix + "route_weight", revision.Weight, ("route", route.Name), ("revision", revision.Name));
            }
        }

        text.Family(Prefix + "revision_state", "gauge", "1 for the revision's current state (serving, draining, drained), 0 for the others.");
        var known = table.Routes.SelectMany(route => route.Revisions.Select(revision => (Route: route.Name, Revision: revision.Name)))
            .Concat(measured.Select(r => (r.Route, r.Revision)))
            .Distinct()
            .OrderBy(k => k.Route, StringComparer.Ordinal).ThenBy(k => k.Revision, StringComparer.Ordinal);
        foreach (var (route, revision) in known)
        {
            var state = drains.Status(route, revision, table.Find(route)).State;
            foreach (var candidate in Enum.GetValues<DrainState>())
            {
                text.Sample(Prefix + "revision_state", candidate == state ? 1 : 0, ("route", route), ("revision", revision), ("state", RevisionSnapshot.StateName(candidate)));
            }
        }

        text.Family(Prefix + "route_table_generation", "gauge", "The generation of the serving route table; it increases with every applied change.");
        text.Sample(Prefix + "route_table_generation", table.Generation);
        return text.ToString();
    }

    private static void Counter(PrometheusText text, IReadOnlyList<RevisionTelemetry> measured, string name, string help, Func<RevisionTelemetry, long> value)
    {
        text.Family(Prefix + name, "counter", help);
        foreach (var r in measured)
        {
            text.Sample(Prefix + name, value(r), ("route", r.Route), ("revision", r.Revision));
        }
    }

    private static void Summary(
        PrometheusText text, IReadOnlyList<RevisionTelemetry> measured, List<WindowTotals> windows, string name, string help,
        Func<RevisionTelemetry, LatencySketch> sinceStart, Func<WindowTotals, LatencySketch> recent)
    {
        text.Family(Prefix + name, "summary", help);
        for (var i = 0; i < measured.Count; i++)
        {
            var r = measured[i];
            var window = recent(windows[i]);
            foreach (var q in Quantiles)
            {
                // NaN, as Prometheus client libraries write it, when nothing ended in the last 10 minutes.
                var value = window.Count == 0 ? double.NaN : window.Quantile(q);
                text.Sample(Prefix + name, value, ("route", r.Route), ("revision", r.Revision), ("quantile", PrometheusText.Format(q)));
            }

            var total = sinceStart(r);
            text.Sample(Prefix + name + "_sum", total.Sum, ("route", r.Route), ("revision", r.Revision));
            text.Sample(Prefix + name + "_count", total.Count, ("route", r.Route), ("revision", r.Revision));
        }
    }
}
