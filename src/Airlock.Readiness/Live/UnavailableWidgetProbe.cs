namespace Airlock.Readiness.Live;

/// <summary>The widget probe of a build without a browser driver: row 10 is skipped, saying why.</summary>
internal sealed class UnavailableWidgetProbe(string reason) : IWidgetProbe
{
    public static UnavailableWidgetProbe NoDriver { get; } =
        new("no headless browser driver in this build yet (Airlock.Browser, from issue 5's widget work, is not merged)");

    public string? UnavailableReason { get; } = reason;

    public Task<WidgetProbeResult> ProbeAsync(Uri page, string message, TimeSpan timeout, CancellationToken cancellationToken) =>
        throw new NotSupportedException(UnavailableReason);
}
