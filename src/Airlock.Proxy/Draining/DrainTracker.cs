using System.Collections.Concurrent;
using Airlock.Proxy.Routing;
using Airlock.Proxy.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Airlock.Proxy.Draining;

/// <summary>
/// Drains revisions that leave rotation. The routing already sends them no new requests (weight 0, no ring); this
/// class lets what is in flight finish, up to <c>drainTimeout</c>, then cuts it, and reports each revision's
/// <see cref="DrainState"/>. It learns of changes from <see cref="RouteTableHolder"/> (<see cref="OnSwapped"/>), so
/// the drain starts at the swap, whoever made it. The one writer of drain state; every transition is logged once.
/// </summary>
internal sealed partial class DrainTracker(ProxyTelemetry telemetry, TimeProvider time, TimeSpan drainTimeout, ILogger logger) : IDisposable
{
    private static readonly Action<object?> AbortRequest = static state => ((HttpContext)state!).Abort();
    private static readonly TimerCallback BoundPassedCallback = static state =>
    {
        var (tracker, drain) = ((DrainTracker, RevisionDrain))state!;
        tracker.BoundPassed(drain);
    };
    private readonly ConcurrentDictionary<(string Route, string Revision), RevisionDrain> _drains = new();
    private readonly Lock _gate = new();

    public TimeSpan DrainTimeout { get; } = drainTimeout;

    /// <summary>
    /// Puts a request in flight on its revision under the drain's bound: disposing the lease takes it out again.
    /// Every request registers, because a revision serving now may be draining before its stream ends.
    /// </summary>
    public DrainLease Track(RevisionTelemetry revision, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var drain = _drains.GetOrAdd((revision.Route, revision.Revision), static key => new RevisionDrain(key.Route, key.Revision));
        return new DrainLease(this, drain, revision, drain.CutToken.UnsafeRegister(AbortRequest, context));
    }

    /// <summary>Called after every route table swap with the table before and after.</summary>
    public void OnSwapped(RouteTable previous, RouteTable next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var route in next.Routes)
            {
                foreach (var revision in route.Revisions)
                {
                    if (InRotation(route, revision.Name))
                    {
                        Resume(route.Name, revision.Name);
                    }
                    else if (InRotation(previous, route.Name, revision.Name))
                    {
                        Begin(route.Name, revision.Name, now);
                    }
                }
            }

            // A revision (or route) removed from the table drains like one set to weight 0.
            foreach (var route in previous.Routes)
            {
                foreach (var revision in route.Revisions)
                {
                    if (next.Find(route.Name)?.Find(revision.Name) is null && InRotation(route, revision.Name))
                    {
                        Begin(route.Name, revision.Name, now);
                    }
                }
            }
        }
    }

    /// <summary>The drain of every revision of <paramref name="routeName"/>: those in <paramref name="route"/> and any others still known.</summary>
    public IReadOnlyList<DrainStatus> Statuses(string routeName, Route? route)
    {
        var names = (route?.Revisions.Select(r => r.Name) ?? [])
            .Concat(_drains.Keys.Where(k => k.Route == routeName).Select(k => k.Revision).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        return [.. names.Select(name => Status(routeName, name, route))];
    }

    public DrainStatus Status(string routeName, string revisionName, Route? route)
    {
        var inFlight = telemetry.Find(routeName, revisionName)?.InFlight ?? 0;
        lock (_gate)
        {
            var drain = _drains.GetValueOrDefault((routeName, revisionName));
            if (route is not null && InRotation(route, revisionName))
            {
                return new DrainStatus(revisionName, DrainState.Serving, inFlight, null, null, null, drain?.CutCount ?? 0);
            }

            if (drain is null || !drain.IsDraining)
            {
                // Out of rotation since start (weight 0 in the first table): nothing to wait for unless a request is in flight.
                return new DrainStatus(revisionName, inFlight > 0 ? DrainState.Draining : DrainState.Drained, inFlight, null, null, null, drain?.CutCount ?? 0);
            }

            var now = time.GetUtcNow();
            var draining = inFlight > 0 && now < drain.Deadline;
            if (!draining && drain.DrainedAt is null)
            {
                drain.DrainedAt = inFlight > 0 ? drain.Deadline : now;
            }

            return new DrainStatus(revisionName, draining ? DrainState.Draining : DrainState.Drained, inFlight, drain.Since, drain.Deadline, drain.DrainedAt, drain.CutCount);
        }
    }

    public void Dispose()
    {
        foreach (var drain in _drains.Values)
        {
            drain.Dispose();
        }
    }

    /// <summary>A request of a draining revision ended: the last one marks the revision drained.</summary>
    internal void Ended(RevisionDrain drain, RevisionTelemetry revision)
    {
        if (!drain.IsDraining || revision.InFlight > 0)
        {
            return;
        }

        lock (_gate)
        {
            if (drain.IsDraining && drain.DrainedAt is null && revision.InFlight == 0)
            {
                drain.DrainedAt = time.GetUtcNow();
                Log.Drained(logger, drain.Route, drain.Revision, drain.DrainedAt.Value - drain.Since!.Value);
            }
        }
    }

    private static bool InRotation(RouteTable table, string route, string revision) =>
        table.Find(route) is { } r && r.Find(revision) is not null && InRotation(r, revision);

    private static bool InRotation(Route route, string revision)
    {
        if (route.Find(revision) is { Weight: > 0 })
        {
            return true;
        }

        foreach (var ring in route.Rings)
        {
            if (string.Equals(ring.Revision, revision, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void Begin(string route, string revision, DateTimeOffset now)
    {
        var drain = _drains.GetOrAdd((route, revision), static key => new RevisionDrain(key.Route, key.Revision));
        if (drain.IsDraining)
        {
            return;
        }

        var deadline = now + DrainTimeout;
        drain.Begin(now, deadline, time.CreateTimer(BoundPassedCallback, (this, drain), DrainTimeout, Timeout.InfiniteTimeSpan));
        var inFlight = telemetry.Find(route, revision)?.InFlight ?? 0;
        Log.DrainStarted(logger, route, revision, inFlight, deadline);
        if (inFlight == 0)
        {
            drain.DrainedAt = now;
            Log.Drained(logger, route, revision, TimeSpan.Zero);
        }
    }

    private void Resume(string route, string revision)
    {
        if (_drains.TryGetValue((route, revision), out var drain) && drain.IsDraining)
        {
            drain.Resume();
            Log.Resumed(logger, route, revision);
        }
    }

    private void BoundPassed(RevisionDrain drain)
    {
        long inFlight;
        lock (_gate)
        {
            if (!drain.IsDraining)
            {
                return;
            }

            inFlight = telemetry.Find(drain.Route, drain.Revision)?.InFlight ?? 0;
            drain.DrainedAt ??= time.GetUtcNow();
        }

        if (inFlight > 0)
        {
            Log.Cut(logger, drain.Route, drain.Revision, inFlight, DrainTimeout);
        }

        // Outside the lock: cancelling runs every registered request's abort on this thread.
        drain.Cut(inFlight);
    }
}
