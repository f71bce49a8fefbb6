namespace Airlock.Proxy.Telemetry;

/// <summary>
/// The latency values of one coarse window slot: the buckets of <see cref="LatencySketch"/> in 32-bit counters
/// (a slot covers seconds, not the process's life, so 2^31 values per bucket is ample and the memory halves).
/// </summary>
internal sealed class WindowSketch
{
    private int _count;
    private long _sumNanoseconds;
    private long _maxBits = BitConverter.DoubleToInt64Bits(0);

    public int[] Counts { get; } = new int[LatencySketch.Buckets];

    public int Count => Volatile.Read(ref _count);

    public long SumNanoseconds => Interlocked.Read(ref _sumNanoseconds);

    public double Max => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _maxBits));

    public void Record(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            return;
        }

        Interlocked.Increment(ref Counts[LatencySketch.IndexOf(seconds)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumNanoseconds, LatencySketch.ToNanoseconds(seconds));
        LatencySketch.RaiseMax(ref _maxBits, seconds);
    }
}
