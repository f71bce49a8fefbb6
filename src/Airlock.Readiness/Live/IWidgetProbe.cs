namespace Airlock.Readiness.Live;

/// <summary>
/// Row 10's browser seam: loads a page in a real headless browser, sends a message through the embedded widget, and
/// reports what a user would have seen. Implemented over Airlock.Browser (headless Chromium over CDP) once that exists.
/// </summary>
internal interface IWidgetProbe
{
    /// <summary>Null when this build has no browser to drive; the row is then skipped with this reason.</summary>
    string? UnavailableReason { get; }

    Task<WidgetProbeResult> ProbeAsync(Uri page, string message, TimeSpan timeout, CancellationToken cancellationToken);
}
