using Airlock.Rollouts.Metrics.Prometheus;
using Airlock.Rollouts.Routing;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Metrics;

/// <summary>
/// The proxy's windows with the revisions' own signals merged into <see cref="RevisionWindow.AppSignals"/>: scraped
/// from <c>/metrics</c> (app counters per proxied request), then any a Prometheus server adds. A scrape that fails
/// leaves the signals out, so conditions on them wait for data instead of failing.
/// </summary>
internal sealed partial class CompositeMetricSource(IMetricSource proxy, PrometheusScrapeSource? scraper, IMetricSource? server, ILogger logger) : IMetricSource
{
    public async Task<IReadOnlyList<RevisionWindow>> ReadAsync(string route, TimeSpan window, CancellationToken cancellationToken)
    {
        var windows = await proxy.ReadAsync(route, window, cancellationToken);
        if (scraper is not null)
        {
            try
            {
                await scraper.RefreshAsync(cancellationToken);
                windows = [.. windows.Select(w =>
                {
                    var signals = scraper.Signals(w.Revision, window, w.Requests);
                    return w with { AppSignals = w.AppSignals.SetItems(signals.Values), AppSignalSamples = w.AppSignalSamples.SetItems(signals.Samples) };
                })];
            }
            catch (RouterException ex)
            {
                Log.SignalsUnavailable(logger, "scrape", ex.Message);
            }
        }

        if (server is not null)
        {
            try
            {
                var extra = (await server.ReadAsync(route, window, cancellationToken)).ToDictionary(w => w.Revision, StringComparer.Ordinal);
                windows = [.. windows.Select(w => extra.TryGetValue(w.Revision, out var e)
                    ? w with
                    {
                        AppSignals = w.AppSignals.SetItems(e.AppSignals.Where(s => !w.AppSignals.ContainsKey(s.Key))),
                        AppSignalSamples = w.AppSignalSamples.SetItems(e.AppSignalSamples.Where(s => !w.AppSignalSamples.ContainsKey(s.Key))),
                    }
                    : w)];
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Log.SignalsUnavailable(logger, "prometheus", ex.Message);
            }
        }

        return windows;
    }
}
