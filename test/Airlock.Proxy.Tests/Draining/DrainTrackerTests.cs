using Airlock.Proxy.Draining;
using Airlock.Proxy.Hosting;
using Airlock.Proxy.Routing;
using Airlock.Proxy.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Proxy.Tests.Draining;

public sealed class DrainTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    // Ten minutes, as by default: the system timer behind it never fires during a test; states follow the fake clock.
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(10);

    [Fact]
    public void WeightToZero_WithARequestInFlight_DrainingUntilItEnds()
    {
        var (clock, telemetry, drains, holder) = Create(Table(1, ("v1", 1), ("v2", 0)));
        var v1 = telemetry.For("chat", "v1");
        v1.Started();
        var lease = drains.Track(v1, new DefaultHttpContext());

        holder.Swap(Table(2, ("v1", 0), ("v2", 1)));
        clock.Advance(TimeSpan.FromMinutes(3));
        var draining = drains.Status("chat", "v1", holder.Current.Find("chat"));
        v1.Finished(default, TimeSpan.Zero);
        lease.Dispose();
        clock.Advance(TimeSpan.FromSeconds(1));
        var drained = drains.Status("chat", "v1", holder.Current.Find("chat"));

        Assert.Equal(DrainState.Draining, draining.State);
        Assert.Equal(1, draining.InFlight);
        Assert.Equal(Start, draining.DrainingSince);
        Assert.Equal(Start + Bound, draining.Deadline);
        Assert.Equal(DrainState.Drained, drained.State);
        Assert.Equal(Start + TimeSpan.FromMinutes(3), drained.DrainedAt);
        Assert.Equal(DrainState.Serving, drains.Status("chat", "v2", holder.Current.Find("chat")).State);
    }

    [Fact]
    public void Draining_PastTheBound_IsDrainedEvenWithRequestsLeft()
    {
        var (clock, telemetry, drains, holder) = Create(Table(1, ("v1", 1), ("v2", 0)));
        telemetry.For("chat", "v1").Started();
        holder.Swap(Table(2, ("v1", 0), ("v2", 1)));

        clock.Advance(Bound - TimeSpan.FromSeconds(1));
        var before = drains.Status("chat", "v1", holder.Current.Find("chat")).State;
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = drains.Status("chat", "v1", holder.Current.Find("chat"));

        Assert.Equal(DrainState.Draining, before);
        Assert.Equal(DrainState.Drained, after.State);
        Assert.Equal(Start + Bound, after.DrainedAt);
    }

    [Fact]
    public void WeightZeroButNamedByARing_IsServing()
    {
        var (_, _, drains, holder) = Create(Table(1, ("v1", 1), ("v2", 1)));

        holder.Swap(WithRing(Table(2, ("v1", 1), ("v2", 0)), "v2"));

        var status = drains.Status("chat", "v2", holder.Current.Find("chat"));
        Assert.Equal(DrainState.Serving, status.State);
        Assert.Null(status.DrainingSince);
    }

    [Fact]
    public void RevisionRemovedFromTheTable_DrainsAndIsStillReported()
    {
        var (_, telemetry, drains, holder) = Create(Table(1, ("v1", 1), ("v2", 1)));
        telemetry.For("chat", "v1").Started();

        holder.Swap(Table(2, ("v2", 1)));

        var statuses = drains.Statuses("chat", holder.Current.Find("chat"));
        Assert.Equal(["v2", "v1"], statuses.Select(s => s.Name));
        Assert.Equal(DrainState.Draining, statuses[1].State);
    }

    [Fact]
    public void BackInRotation_DrainIsCancelled()
    {
        var (_, telemetry, drains, holder) = Create(Table(1, ("v1", 1), ("v2", 0)));
        telemetry.For("chat", "v1").Started();
        holder.Swap(Table(2, ("v1", 0), ("v2", 1)));

        holder.Swap(Table(3, ("v1", 1), ("v2", 1)));

        var status = drains.Status("chat", "v1", holder.Current.Find("chat"));
        Assert.Equal(DrainState.Serving, status.State);
        Assert.Null(status.Deadline);
    }

    [Fact]
    public void ZeroWeightSinceStart_IsDrainedWithoutADrain()
    {
        var (_, _, drains, holder) = Create(Table(1, ("v1", 1), ("v2", 0)));

        var status = drains.Status("chat", "v2", holder.Current.Find("chat"));

        Assert.Equal(DrainState.Drained, status.State);
        Assert.Null(status.DrainingSince);
    }

    private static (ManualTimeProvider Clock, ProxyTelemetry Telemetry, DrainTracker Drains, RouteTableHolder Holder) Create(RouteTable initial)
    {
        var clock = new ManualTimeProvider(Start);
        var telemetry = new ProxyTelemetry(clock, null);
        var drains = new DrainTracker(telemetry, clock, Bound, NullLogger.Instance);
        return (clock, telemetry, drains, new RouteTableHolder(initial, drains.OnSwapped));
    }

    private static RouteTable Table(long generation, params (string Name, int Weight)[] revisions)
    {
        var yaml = "routes:\n  - name: chat\n    revisions:\n" + string.Concat(revisions.Select((r, i) =>
            $"      - {{ name: {r.Name}, upstream: \"http://127.0.0.1:{5001 + i}\", weight: {r.Weight} }}\n"));
        return ProxyConfigLoader.Parse(yaml, "routes.yaml", generation).Routes;
    }

    private static RouteTable WithRing(RouteTable table, string revision)
    {
        var route = table.Routes[0];
        var withRing = new Route(route.Name, route.PathPrefix, route.Salt, route.UserKey, route.ConversationHeader, route.Revisions, [new RingRule(revision, ["alice"], null, [])]);
        return new RouteTable([withRing], table.Generation);
    }
}
