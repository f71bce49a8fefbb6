namespace Airlock.Proxy.Telemetry;

/// <summary>A slot of a <see cref="RevisionWindow"/> ring: which second (or 10-second span) it holds.</summary>
internal interface IWindowSlot
{
    long Epoch { get; }
}
