namespace Airlock.Proxy.Telemetry;

/// <summary>The counts of one second of one revision: outcomes always, fingerprints only once an error happened in it.</summary>
internal sealed class WindowSecond(long epoch) : IWindowSlot
{
    private int[]? _fingerprints;

    /// <summary>Seconds since the Unix epoch: a slot is reused for a later second by replacing it, never by clearing it.</summary>
    public long Epoch { get; } = epoch;

    /// <summary>Indexed by <see cref="RequestOutcome"/>.</summary>
    public int[] Outcomes { get; } = new int[RequestOutcomes.Count];

    /// <summary>Indexed by <see cref="FingerprintTable"/> index; null while the second had no error.</summary>
    public int[]? Fingerprints => Volatile.Read(ref _fingerprints);

    public void Count(RequestOutcome outcome, int fingerprint)
    {
        Interlocked.Increment(ref Outcomes[(int)outcome]);
        if (fingerprint >= 0)
        {
            var counts = Fingerprints;
            if (counts is null)
            {
                Interlocked.CompareExchange(ref _fingerprints, new int[FingerprintTable.Slots], null);
                counts = Fingerprints!;
            }

            Interlocked.Increment(ref counts[fingerprint]);
        }
    }
}
