using System.Collections.Immutable;
using Airlock.Rollouts.Routing;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Metrics.Prometheus;

/// <summary>
/// Scrapes every revision of the route (the router's upstreams) at <c>/metrics</c>, keeps a history of scrapes per
/// revision, and turns two scrapes a window apart into app signals (<see cref="AppSignalCalculator"/>). A scrape
/// happens when figures are read, at most once per <see cref="PrometheusScrapeOptions.MinInterval"/>.
/// </summary>
internal sealed partial class PrometheusScrapeSource(HttpClient http, ITrafficRouter router, TimeProvider time, ILogger logger, PrometheusScrapeOptions? options = null) : IMetricSource
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ImmutableList<TimedScrape>> _history = new(StringComparer.Ordinal);
    private readonly PrometheusScrapeOptions _options = options ?? new PrometheusScrapeOptions();
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    /// <summary>Scrapes every revision the route has now, unless the last refresh is more recent than the minimum interval.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (now - _lastRefresh < _options.MinInterval)
            {
                return;
            }

            _lastRefresh = now;
        }

        var route = await router.ReadAsync(cancellationToken);
        await Task.WhenAll(route.Revisions.Select(r => ScrapeAsync(r.Name, r.Upstream, cancellationToken)));
    }

    /// <summary>Scrapes one revision now and adds the result to its history; false (logged) when it could not be read.</summary>
    public async Task<bool> ScrapeAsync(string revision, Uri baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var url = new Uri(baseUrl, _options.MetricsPath);
        string text;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            using var response = await http.GetAsync(url, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                Log.ScrapeFailed(logger, revision, url, $"HTTP {(int)response.StatusCode}");
                return false;
            }

            text = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.ScrapeFailed(logger, revision, url, ex.Message);
            return false;
        }

        PrometheusScrape scrape;
        try
        {
            scrape = PrometheusTextParser.Parse(text);
        }
        catch (PrometheusFormatException ex)
        {
            Log.ScrapeFailed(logger, revision, url, ex.Message);
            return false;
        }

        Add(revision, new TimedScrape(time.GetUtcNow(), scrape));
        return true;
    }

    /// <summary>
    /// The revision's signals over <paramref name="window"/>: the newest scrape against the newest one at least a
    /// window older (or the oldest kept, while the history is shorter than the window).
    /// </summary>
    public AppSignalSet Signals(string revision, TimeSpan window, long? requests)
    {
        ImmutableList<TimedScrape>? history;
        lock (_gate)
        {
            _history.TryGetValue(revision, out history);
        }

        if (history is null || history.IsEmpty)
        {
            return AppSignalSet.Empty;
        }

        var latest = history[^1];
        var start = latest.At - window;
        var earlier = history.LastOrDefault(s => s.At <= start) ?? (history.Count > 1 ? history[0] : null);
        return AppSignalCalculator.Compute(earlier?.Scrape, latest.Scrape, requests, earlier is null ? TimeSpan.Zero : latest.At - earlier.At);
    }

    public async Task<IReadOnlyList<RevisionWindow>> ReadAsync(string route, TimeSpan window, CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        string[] revisions;
        lock (_gate)
        {
            revisions = [.. _history.Keys];
        }

        return [.. revisions.Select(revision =>
        {
            var signals = Signals(revision, window, requests: null);
            return new RevisionWindow(revision, window, 0, 0, 0, QuantileSet.Empty, QuantileSet.Empty, ImmutableDictionary<string, long>.Empty, signals.Values)
            {
                AppSignalSamples = signals.Samples,
            };
        })];
    }

    private void Add(string revision, TimedScrape scrape)
    {
        lock (_gate)
        {
            var history = _history.GetValueOrDefault(revision, []).Add(scrape);

            // Keep one scrape older than the longest window, so that window still has a start.
            var cutoff = scrape.At - _options.History;
            var firstNeeded = history.FindLastIndex(s => s.At <= cutoff);
            _history[revision] = firstNeeded > 0 ? history.RemoveRange(0, firstNeeded) : history;
        }
    }
}
