using Airlock.Proxy.Routing;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Tests.Routing;

public sealed class RouteTableTests
{
    private static readonly Uri Upstream = new("http://127.0.0.1:1");

    [Fact]
    public void Match_NestedPrefixes_LongestWinsWhateverTheOrder()
    {
        var table = new RouteTable([Route("all", "/"), Route("api", "/api"), Route("chat", "/api/chat")], 1);

        Assert.Equal("chat", table.Match("/api/chat/stream")?.Name);
        Assert.Equal("api", table.Match("/api/other")?.Name);
        Assert.Equal("all", table.Match("/apichat")?.Name);
        Assert.Equal("all", table.Match("/")?.Name);
    }

    [Fact]
    public void ForBucket_Weights_SplitTheTenThousandBuckets()
    {
        var route = Route("r", "/", ("a", 1), ("b", 0), ("c", 3));

        Assert.Equal([2500, 2500, 10000], route.Boundaries.ToArray());
        Assert.Equal("a", route.ForBucket(0).Name);
        Assert.Equal("a", route.ForBucket(2499).Name);
        Assert.Equal("c", route.ForBucket(2500).Name);
        Assert.Equal("c", route.ForBucket(9999).Name);
    }

    [Fact]
    public void Swap_NewTable_ReadersSeeOneWholeTable()
    {
        var holder = new RouteTableHolder(new RouteTable([Route("r", "/", ("a", 1))], 1));
        var before = holder.Current;

        holder.Swap(new RouteTable([Route("r", "/", ("b", 1))], 2));

        Assert.Equal("a", before.Routes[0].Revisions[0].Name);
        Assert.Equal(2, holder.Current.Generation);
        Assert.Equal("b", holder.Current.Routes[0].Revisions[0].Name);
    }

    private static Route Route(string name, string prefix, params (string Name, int Weight)[] revisions) =>
        new(name, new PathString(prefix), name, UserKeySource.Default, null,
            [.. (revisions.Length == 0 ? [("v1", 1)] : revisions).Select(r => new Revision(r.Name, Upstream, r.Weight))], []);
}
