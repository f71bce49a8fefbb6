namespace Airlock.Proxy.Telemetry;

/// <summary>
/// Sliding windows over the last 15 minutes of one revision: counts per second in a ring of 900 slots, latency
/// and time-to-first-byte sketches per 10 seconds in a ring of 91 (so that a 15-minute query still finds the
/// partial slot at its start). A slot is claimed for a new second by swapping in a fresh object with one
/// compare-and-swap, so recording takes no lock and a query never sees a half-cleared slot. The clock is the
/// injected <see cref="TimeProvider"/>; each request is counted in the second it ended.
/// </summary>
internal sealed class RevisionWindow(TimeProvider time)
{
    public const int Seconds = 900;
    public const int SketchSlotSeconds = 10;
    public const int SketchSlots = (Seconds / SketchSlotSeconds) + 1;

    private readonly WindowSecond?[] _seconds = new WindowSecond?[Seconds];
    private readonly WindowSketches?[] _sketches = new WindowSketches?[SketchSlots];
    private long _lastSecond;

    public void Record(RequestOutcome outcome, int fingerprint, double? latencySeconds, double? timeToFirstByteSeconds)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Volatile.Read(ref _lastSecond) != now)
        {
            Volatile.Write(ref _lastSecond, now);
        }

        Claim(_seconds, now, static e => new WindowSecond(e))?.Count(outcome, fingerprint);
        if (latencySeconds is null && timeToFirstByteSeconds is null)
        {
            return;
        }

        if (Claim(_sketches, now / SketchSlotSeconds, static e => new WindowSketches(e)) is { } sketches)
        {
            if (latencySeconds is { } latency)
            {
                sketches.Latency.Record(latency);
            }

            if (timeToFirstByteSeconds is { } firstByte)
            {
                sketches.TimeToFirstByte.Record(firstByte);
            }
        }
    }

    /// <summary>
    /// The last <paramref name="seconds"/> seconds up to now, the current (partial) second included. Latencies come
    /// from the 10-second slots overlapping that span, so they may include up to 9 seconds more at its start.
    /// </summary>
    public WindowTotals Query(int seconds, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, Seconds);
        var last = now.ToUnixTimeSeconds();
        var first = last - seconds + 1;
        var totals = new WindowTotals();
        for (var second = first; second <= last; second++)
        {
            if (Volatile.Read(ref _seconds[Slot(second, Seconds)]) is { } slot && slot.Epoch == second)
            {
                for (var i = 0; i < RequestOutcomes.Count; i++)
                {
                    totals.Outcomes[i] += Volatile.Read(ref slot.Outcomes[i]);
                }

                if (slot.Fingerprints is { } fingerprints)
                {
                    for (var i = 0; i < FingerprintTable.Slots; i++)
                    {
                        totals.Fingerprints[i] += Volatile.Read(ref fingerprints[i]);
                    }
                }
            }
        }

        for (var epoch = first / SketchSlotSeconds; epoch <= last / SketchSlotSeconds; epoch++)
        {
            if (Volatile.Read(ref _sketches[Slot(epoch, SketchSlots)]) is { } slot && slot.Epoch == epoch)
            {
                totals.Latency.Merge(slot.Latency);
                totals.TimeToFirstByte.Merge(slot.TimeToFirstByte);
            }
        }

        return totals;
    }

    /// <summary>
    /// Drops every slot when nothing was recorded for longer than the window (they could only answer zeros), so a
    /// long-lived proxy holds full windows only for revisions that served in the last 15 minutes. True when released.
    /// </summary>
    public bool ReleaseIfIdle(DateTimeOffset now)
    {
        if (now.ToUnixTimeSeconds() - Volatile.Read(ref _lastSecond) <= Seconds + SketchSlotSeconds)
        {
            return false;
        }

        Array.Clear(_seconds);
        Array.Clear(_sketches);
        return true;
    }

    private static int Slot(long epoch, int length) => (int)(epoch % length);

    /// <summary>The slot for <paramref name="epoch"/>, replacing an older one; null for a sample older than the slot (dropped).</summary>
    private static T? Claim<T>(T?[] ring, long epoch, Func<long, T> create)
        where T : class, IWindowSlot
    {
        var index = Slot(epoch, ring.Length);
        while (true)
        {
            var slot = Volatile.Read(ref ring[index]);
            var slotEpoch = slot?.Epoch ?? long.MinValue;
            if (slotEpoch == epoch)
            {
                return slot;
            }

            if (slotEpoch > epoch)
            {
                return null;
            }

            var fresh = create(epoch);
            if (Interlocked.CompareExchange(ref ring[index], fresh, slot) == slot)
            {
                return fresh;
            }
        }
    }
}
