using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Routing;

/// <summary>
/// Every route at one generation. Immutable and read without locks on the request path; a change is a new table
/// swapped in by <see cref="RouteTableHolder"/>, so no request ever sees half of a change.
/// </summary>
internal sealed class RouteTable
{
    public RouteTable(IEnumerable<Route> routes, long generation)
    {
        ArgumentNullException.ThrowIfNull(routes);

        // Longest prefix first, so /api/chat wins over /api and / whatever the file's order.
        Routes = [.. routes.OrderByDescending(r => r.PathPrefix.Value?.Length ?? 0)];
        Generation = generation;
    }

    public static RouteTable Empty { get; } = new([], 0);

    public ImmutableArray<Route> Routes { get; }

    /// <summary>Increases with every applied change; the admin API will report it so a caller can verify a change landed.</summary>
    public long Generation { get; }

    public Route? Match(PathString path)
    {
        foreach (var route in Routes)
        {
            if (route.Matches(path))
            {
                return route;
            }
        }

        return null;
    }

    public Route? Find(string name) => Routes.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}
