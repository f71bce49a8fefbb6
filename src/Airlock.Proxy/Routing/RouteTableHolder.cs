namespace Airlock.Proxy.Routing;

/// <summary>The current route table: one reference, read once per request and replaced in one atomic step.</summary>
internal sealed class RouteTableHolder(RouteTable initial)
{
    private RouteTable _current = initial;

    public RouteTable Current => Volatile.Read(ref _current);

    /// <summary>Replaces the table; requests already routed keep the table they read.</summary>
    public void Swap(RouteTable next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Volatile.Write(ref _current, next);
    }
}
