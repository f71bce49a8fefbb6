using System.Collections.Immutable;
using Airlock.Core.Deployment;

namespace Airlock.Rollouts.Dashboard;

/// <summary>
/// The dashboard's in-memory time series: at most <see cref="Capacity"/> samples per revision (the oldest dropped), so
/// serve's memory stays bounded however long it runs. Writers are the sampler only; readers get immutable copies and
/// can wait for the next append (the event stream).
/// </summary>
public sealed class SeriesBuffer(int capacity, ImmutableArray<SeriesThreshold> thresholds)
{
    /// <summary>30 minutes at one sample a second.</summary>
    public const int DefaultCapacity = 1800;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<SeriesPoint>> _byRevision = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), "at least one sample per revision");

    public ImmutableArray<SeriesThreshold> Thresholds { get; } = thresholds;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byRevision.Values.Sum(queue => queue.Count);
            }
        }
    }

    /// <summary>The absolute rollback thresholds of <paramref name="analysis"/>; relative ones (1.5x stable) move with stable and are left to the verdict log.</summary>
    public static ImmutableArray<SeriesThreshold> ThresholdsOf(AnalysisSpec analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return [.. analysis.Rollback
            .Where(condition => !condition.Threshold.RelativeToStable && ChartOf(condition.Metric) is not null)
            .Select(condition => new SeriesThreshold(ChartOf(condition.Metric)!, condition.Threshold.Value, condition.Text))];
    }

    public void Append(IEnumerable<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        TaskCompletionSource changed;
        lock (_gate)
        {
            foreach (var point in points)
            {
                if (!_byRevision.TryGetValue(point.Revision, out var queue))
                {
                    _byRevision[point.Revision] = queue = new Queue<SeriesPoint>();
                }

                queue.Enqueue(point);
                while (queue.Count > Capacity)
                {
                    queue.Dequeue();
                }
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Samples strictly after <paramref name="since"/> (all of them when null), oldest first.</summary>
    public ImmutableArray<SeriesPoint> Since(DateTimeOffset? since)
    {
        lock (_gate)
        {
            return [.. _byRevision.Values.SelectMany(queue => queue)
                .Where(point => since is null || point.At > since)
                .OrderBy(point => point.At).ThenBy(point => point.Revision, StringComparer.Ordinal)];
        }
    }

    /// <summary>Completes at the next <see cref="Append"/>.</summary>
    public Task WaitForAppendAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _changed.Task.WaitAsync(cancellationToken);
        }
    }

    private static string? ChartOf(ConditionMetric metric) => metric switch
    {
        ConditionMetric.ErrorRate => "errorRate",
        ConditionMetric.LatencyP50 => "p50",
        ConditionMetric.LatencyP95 => "p95",
        ConditionMetric.LatencyP99 => "p99",
        ConditionMetric.TokensPerRequest => "tokensPerRequest",
        ConditionMetric.CostPerRequest => "costPerRequest",
        ConditionMetric.ContextUtilisation => "contextUtilisation",
        _ => null,
    };
}
