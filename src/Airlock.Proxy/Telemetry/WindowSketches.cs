namespace Airlock.Proxy.Telemetry;

/// <summary>The latency and time-to-first-byte values of one coarse slot (<see cref="RevisionWindow.SketchSlotSeconds"/>).</summary>
internal sealed class WindowSketches(long epoch) : IWindowSlot
{
    /// <summary>Seconds since the Unix epoch divided by the slot length.</summary>
    public long Epoch { get; } = epoch;

    public WindowSketch Latency { get; } = new();

    public WindowSketch TimeToFirstByte { get; } = new();
}
