namespace Airlock.Proxy.Draining;

/// <summary>Where a revision stands in taking traffic (docs/proxy.md, Draining).</summary>
internal enum DrainState
{
    /// <summary>In rotation: a weight above 0, or a ring names it.</summary>
    Serving,

    /// <summary>Out of rotation (weight 0, no ring), requests still in flight and the bound not passed: they may finish.</summary>
    Draining,

    /// <summary>Out of rotation and nothing in flight, or the bound passed and what was left was cut.</summary>
    Drained,
}
