namespace Airlock.Readiness.Live;

/// <summary>The widget probe of a build without a browser driver: row 10 is skipped, saying why.</summary>
internal sealed class UnavailableWidgetProbe(string reason) : IWidgetProbe
{
    public static UnavailableWidgetProbe NoDriver { get; } =
        new("no browser probe wired yet: row 10 is not implemented over Airlock.Browser (headless Chromium) in this build");

    public string? UnavailableReason { get; } = reason;

    public Task<WidgetProbeResult> ProbeAsync(Uri page, string message, TimeSpan timeout, CancellationToken cancellationToken) =>
        throw new NotSupportedException(UnavailableReason);
}
