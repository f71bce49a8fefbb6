using System.Collections.Concurrent;

namespace Airlock.Proxy.Telemetry;

/// <summary>Every route and revision the proxy has served, each with its own counters, sketches and windows.</summary>
/// <param name="errorCodeHeader">The response header carrying the app's own error code (null: fingerprints from problem bodies and statuses only).</param>
internal sealed class ProxyTelemetry(TimeProvider time, string? errorCodeHeader)
{
    private readonly ConcurrentDictionary<(string Route, string Revision), RevisionTelemetry> _revisions = new();
    private readonly string? _errorCodeHeader = errorCodeHeader;

    public TimeProvider Time { get; } = time;

    public RevisionTelemetry For(string route, string revision) =>
        _revisions.GetOrAdd((route, revision), static (key, self) => new RevisionTelemetry(key.Route, key.Revision, self.Time, self._errorCodeHeader), this);

    /// <summary>The revision's telemetry when it has been measured, without creating it.</summary>
    public RevisionTelemetry? Find(string route, string revision) => _revisions.GetValueOrDefault((route, revision));

    /// <summary>Releases the windows of revisions idle for longer than a window (<see cref="RevisionWindow.ReleaseIfIdle"/>); the counters since start stay.</summary>
    public int ReleaseIdleWindows()
    {
        var now = Time.GetUtcNow();
        return _revisions.Values.Count(r => r.Window.ReleaseIfIdle(now));
    }

    public IReadOnlyList<RevisionTelemetry> Snapshot() =>
        [.. _revisions.Values.OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Revision, StringComparer.Ordinal)];
}
