using System.Collections.Concurrent;

namespace Airlock.Proxy.Telemetry;

/// <summary>Every route and revision the proxy has served, each with its own counters and sketches.</summary>
internal sealed class ProxyTelemetry
{
    private readonly ConcurrentDictionary<(string Route, string Revision), RevisionTelemetry> _revisions = new();

    public RevisionTelemetry For(string route, string revision) =>
        _revisions.GetOrAdd((route, revision), static key => new RevisionTelemetry(key.Route, key.Revision));

    public IReadOnlyList<RevisionTelemetry> Snapshot() =>
        [.. _revisions.Values.OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Revision, StringComparer.Ordinal)];
}
