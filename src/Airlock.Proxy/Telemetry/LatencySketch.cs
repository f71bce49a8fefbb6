namespace Airlock.Proxy.Telemetry;

/// <summary>
/// A log-bucketed latency sketch (the DDSketch idea): bucket i holds values in (min·γ^(i-1), min·γ^i] with
/// γ = (1+α)/(1-α), so any quantile is answered within relative error α = 1%. Fixed memory (about 1,150 counters, 9 KB,
/// for 1 µs to 3 hours), lock-free recording, and mergeable by adding counters, so per-window or per-process
/// sketches combine exactly.
/// </summary>
internal sealed class LatencySketch
{
    public const double RelativeAccuracy = 0.01;

    /// <summary>Values at or below this (1 µs) share bucket 0; the proxy cannot time finer anyway.</summary>
    public const double MinSeconds = 1e-6;

    /// <summary>Values above this (about 2.8 hours) share the last bucket; <see cref="Max"/> stays exact.</summary>
    public const double MaxSeconds = 1e4;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);
    private static readonly int BucketCount = (int)Math.Ceiling(Math.Log(MaxSeconds / MinSeconds) / LogGamma) + 1;

    private readonly long[] _counts = new long[BucketCount];
    private long _count;
    private long _sumNanoseconds;
    private long _maxBits = BitConverter.DoubleToInt64Bits(0);

    /// <summary>The number of counters, whatever was recorded: the sketch's memory does not grow.</summary>
    public static int Buckets => BucketCount;

    public long Count => Interlocked.Read(ref _count);

    public double Max => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _maxBits));

    /// <summary>The sum of the recorded values in seconds (kept in whole nanoseconds, so recording stays one atomic add).</summary>
    public double Sum => Interlocked.Read(ref _sumNanoseconds) / 1e9;

    public void Record(TimeSpan duration) => Record(duration.TotalSeconds);

    public void Record(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            return;
        }

        Interlocked.Increment(ref _counts[IndexOf(seconds)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumNanoseconds, ToNanoseconds(seconds));
        RaiseMax(ref _maxBits, seconds);
    }

    /// <summary>The value at rank ⌊q·(n-1)⌋ of the recorded values, within 1% relative error; 0 when empty.</summary>
    public double Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var count = Count;
        if (count == 0)
        {
            return 0;
        }

        if (q >= 1)
        {
            return Max;
        }

        var rank = (long)Math.Floor(q * (count - 1));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen > rank)
            {
                return Math.Min(ValueOf(i), Max);
            }
        }

        return Max;
    }

    /// <summary>Adds another sketch's values to this one (for example the windows of the last two minutes).</summary>
    public void Merge(LatencySketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            if (Interlocked.Read(ref other._counts[i]) is var n and > 0)
            {
                Interlocked.Add(ref _counts[i], n);
            }
        }

        Interlocked.Add(ref _count, other.Count);
        Interlocked.Add(ref _sumNanoseconds, Interlocked.Read(ref other._sumNanoseconds));
        RaiseMax(ref _maxBits, other.Max);
    }

    /// <summary>Adds the values of one window slot (the same buckets, kept in 32-bit counters to halve a window's memory).</summary>
    public void Merge(WindowSketch slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var counts = slot.Counts;
        for (var i = 0; i < counts.Length; i++)
        {
            if (Volatile.Read(ref counts[i]) is var n and > 0)
            {
                Interlocked.Add(ref _counts[i], n);
            }
        }

        Interlocked.Add(ref _count, slot.Count);
        Interlocked.Add(ref _sumNanoseconds, slot.SumNanoseconds);
        RaiseMax(ref _maxBits, slot.Max);
    }

    internal static long ToNanoseconds(double seconds) => (long)Math.Min(seconds * 1e9, long.MaxValue / 4);

    internal static int IndexOf(double seconds) =>
        seconds <= MinSeconds ? 0 : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log(seconds / MinSeconds) / LogGamma));

    /// <summary>The point of bucket i whose relative distance to either edge is α.</summary>
    private static double ValueOf(int index) =>
        index == 0 ? MinSeconds : MinSeconds * Math.Pow(Gamma, index) * 2 / (Gamma + 1);

    /// <summary>Raises a maximum kept as the bits of a double, without a lock.</summary>
    internal static void RaiseMax(ref long maxBits, double seconds)
    {
        var bits = BitConverter.DoubleToInt64Bits(seconds);
        long current;
        while (seconds > BitConverter.Int64BitsToDouble(current = Interlocked.Read(ref maxBits)))
        {
            if (Interlocked.CompareExchange(ref maxBits, bits, current) == current)
            {
                return;
            }
        }
    }
}
