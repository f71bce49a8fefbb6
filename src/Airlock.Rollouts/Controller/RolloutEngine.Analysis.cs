using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Metrics;
using Airlock.Rollouts.Routing;

namespace Airlock.Rollouts.Controller;

public sealed partial class RolloutEngine
{
    /// <summary>A verdict that changes nothing is written to the ledger at most this often.</summary>
    private static readonly TimeSpan VerdictHeartbeat = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads every distinct condition window once and judges. A metric source that cannot be read makes the
    /// verdict "insufficient data" (the step waits), never a rollback on its own.
    /// </summary>
    private async Task<AnalysisVerdict?> AnalyseAsync(CancellationToken cancellationToken)
    {
        var active = _active!;
        var analysis = _plan!.Spec.Analysis;
        var lengths = _services.Judge.RequiredWindows(analysis);
        var windows = new Dictionary<TimeSpan, IReadOnlyList<RevisionWindow>>();
        try
        {
            foreach (var length in lengths)
            {
                windows[length] = await _services.Metrics.ReadAsync(Service, length, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is RouterException or HttpRequestException or IOException or TimeoutException or InvalidOperationException)
        {
            LogMetricsUnavailable(_services.Logger, ex.Message);
            return _lastVerdict;
        }

        var verdict = _services.Judge.Judge(analysis, active.Candidate, active.Stable!, windows, Now);
        _lastVerdict = verdict;
        var changed = verdict.Overall != _recordedKind;
        if (changed || Now - _recordedAt >= VerdictHeartbeat || verdict.Overall == VerdictKind.Fail)
        {
            _recordedKind = verdict.Overall;
            _recordedAt = Now;
            var warnings = verdict.Warnings.Where(v => v.Kind == VerdictKind.Fail).Select(v => "warning: " + v.Sentence);
            var lines = verdict.Rollback.Select(v => v.Sentence).Concat(warnings);
            await RecordAsync("verdict", $"{verdict.Overall.ToString().ToLowerInvariant()}: {string.Join("; ", lines)}", verdict, cancellationToken);
        }

        return verdict;
    }
}
