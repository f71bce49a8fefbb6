using Airlock.Rollouts.Controller;
using Airlock.Rollouts.Metrics;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Dashboard;

/// <summary>
/// serve's small sampling loop: every <c>interval</c> (the analysis interval, 1 s by default) it reads the metric
/// source over a short sliding window and appends one point per live revision to the <see cref="SeriesBuffer"/>.
/// It only reads: the controller never waits on it, and a failed read is logged and skipped, never fatal.
/// </summary>
internal sealed partial class MetricSampler(
    IMetricSource source,
    Func<RolloutSnapshot> snapshot,
    SeriesBuffer buffer,
    TimeSpan interval,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Long enough to smooth a rate at low traffic, short enough that a fault shows within seconds.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await SampleOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Takes one sample of the stable and canary revisions; returns how many points were appended.</summary>
    public async Task<int> SampleOnceAsync(CancellationToken cancellationToken)
    {
        var current = snapshot();
        var stable = current.Stable?.Revision;
        var canary = current.Active?.Candidate;
        if (stable is null && canary is null)
        {
            return 0;
        }

        IReadOnlyList<RevisionWindow> windows;
        try
        {
            windows = await source.ReadAsync(current.Service, Window, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or Routing.RouterException or TimeoutException)
        {
            LogReadFailed(logger, ex.Message);
            return 0;
        }

        var at = time.GetUtcNow();
        var points = windows
            .Where(window => window.Revision == stable || window.Revision == canary)
            .Select(window => ToPoint(at, window, window.Revision == canary ? "canary" : "stable"))
            .ToList();
        buffer.Append(points);
        return points.Count;
    }

    private static SeriesPoint ToPoint(DateTimeOffset at, RevisionWindow window, string role)
    {
        var seconds = window.Window > TimeSpan.Zero ? window.Window.TotalSeconds : 1;
        return new SeriesPoint(at, window.Revision, role, window.Requests, window.Requests / seconds, window.ErrorRate,
            window.Latency.P50, window.Latency.P95, window.Latency.P99,
            Signal(window, AppSignalNames.TokensPerRequest), Signal(window, AppSignalNames.CostPerRequest), Signal(window, AppSignalNames.ContextUtilisation));
    }

    private static double? Signal(RevisionWindow window, string name) =>
        window.AppSignals.TryGetValue(name, out var value) && double.IsFinite(value) ? value : null;

    [LoggerMessage(EventId = 700, Level = LogLevel.Debug, Message = "The dashboard sampler could not read the metrics: {Reason}; skipped")]
    private static partial void LogReadFailed(ILogger logger, string reason);
}
