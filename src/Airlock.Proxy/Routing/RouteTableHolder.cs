namespace Airlock.Proxy.Routing;

/// <summary>The current route table: one reference, read once per request and replaced in one atomic step.</summary>
/// <param name="swapped">Told of every swap with the table before and after it (the drain tracker starts drains from it).</param>
internal sealed class RouteTableHolder(RouteTable initial, Action<RouteTable, RouteTable>? swapped = null)
{
    private RouteTable _current = initial;

    public RouteTable Current => Volatile.Read(ref _current);

    /// <summary>Replaces the table; requests already routed keep the table they read.</summary>
    public void Swap(RouteTable next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var previous = Interlocked.Exchange(ref _current, next);
        swapped?.Invoke(previous, next);
    }
}
