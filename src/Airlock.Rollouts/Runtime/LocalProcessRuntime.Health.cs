using System.Globalization;

namespace Airlock.Rollouts.Runtime;

internal sealed partial class LocalProcessRuntime
{
    private static readonly TimeSpan LongestProbe = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Polls the health path every interval until a 2xx answer, the process exiting, or the health timeout counted from
    /// the start. The result says what was last seen, so a verdict can quote it.
    /// </summary>
    public async Task<HealthResult> WaitHealthyAsync(RevisionInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var health = instance.Health;
        var url = new Uri(instance.Url, health.Path);
        var logs = RevisionLogs.For(instance.LogDirectory, instance.Revision);
        int? lastStatus = null;
        var lastSeen = "no answer yet";
        while (true)
        {
            if (instance.Exited.IsCompleted)
            {
                return Unhealthy(instance, Died(instance, await instance.Exited, logs, lastStatus, _time.GetUtcNow() - instance.StartedAt));
            }

            // Probe before looking at the clock, so a re-attached revision (started long ago) still gets one look.
            (lastStatus, lastSeen) = await ProbeAsync(url, Min(health.Interval * 4, LongestProbe), cancellationToken);
            var elapsed = _time.GetUtcNow() - instance.StartedAt;
            if (lastStatus is >= 200 and < 300)
            {
                Log.Healthy(_logger, instance.Revision, (long)elapsed.TotalMilliseconds);
                return new HealthResult(true, $"GET {health.Path} gave {lastSeen} after {Seconds(elapsed)}", lastStatus, elapsed);
            }

            if (elapsed >= health.Timeout)
            {
                var detail = $"not healthy after {Seconds(health.Timeout)}: GET {health.Path} last gave {lastSeen}";
                return Unhealthy(instance, new HealthResult(false, detail, lastStatus, elapsed) { LogTail = logs.Tail() });
            }

            // Wake at once when the process dies instead of sleeping out the interval.
            await Task.WhenAny(Task.Delay(health.Interval, _time, cancellationToken), instance.Exited);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<(int? Status, string Seen)> ProbeAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            return (status, $"{status.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}".TrimEnd());
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused (not listening yet)" : ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {Seconds(timeout)}");
        }
    }

    private static HealthResult Died(RevisionInstance instance, int? exitCode, RevisionLogs logs, int? lastStatus, TimeSpan elapsed)
    {
        var tail = logs.Tail();
        var code = exitCode is { } c ? $"exit code {c.ToString(CultureInfo.InvariantCulture)}" : "an unknown exit code";
        var portInUse = tail is not null && tail.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
        var detail = $"revision {instance.Revision} exited with {code} before it was healthy"
            + (portInUse ? $" (port {instance.Port.ToString(CultureInfo.InvariantCulture)} was taken by another process)" : string.Empty)
            + (tail is null ? "; it wrote nothing." : $"; last output:\n{tail}");
        return new HealthResult(false, detail, lastStatus, elapsed) { ExitCode = exitCode, LogTail = tail, PortInUse = portInUse };
    }

    private HealthResult Unhealthy(RevisionInstance instance, HealthResult result)
    {
        Log.Unhealthy(_logger, instance.Revision, result.Detail);
        return result;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
