namespace ChatAgent.Metrics;

/// <summary>One labelled time series: a counter value, or histogram buckets with their sum and count.</summary>
internal sealed class PrometheusSeries(double[]? bounds)
{
    private readonly Lock _gate = new();
    private readonly long[] _buckets = new long[bounds?.Length ?? 0];
    private double _sum;
    private long _count;

    public double[]? Bounds { get; } = bounds;

    public void Record(double value)
    {
        lock (_gate)
        {
            _sum += value;
            _count++;
            if (Bounds is null)
            {
                return;
            }

            for (var i = 0; i < Bounds.Length; i++)
            {
                if (value <= Bounds[i])
                {
                    _buckets[i]++;
                    break;
                }
            }
        }
    }

    /// <summary>A consistent copy: cumulative bucket counts (Prometheus' "le" semantics), sum and count.</summary>
    public (long[] Cumulative, double Sum, long Count) Read()
    {
        lock (_gate)
        {
            var cumulative = new long[_buckets.Length];
            long running = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                running += _buckets[i];
                cumulative[i] = running;
            }

            return (cumulative, _sum, _count);
        }
    }
}
