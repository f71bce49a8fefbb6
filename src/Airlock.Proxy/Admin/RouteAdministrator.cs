using Airlock.Core.Config;
using Airlock.Proxy.Forwarding;
using Airlock.Proxy.Hosting;
using Airlock.Proxy.Persistence;
using Airlock.Proxy.Routing;
using Microsoft.Extensions.Logging;

namespace Airlock.Proxy.Admin;

/// <summary>
/// The one writer of the route table: validates a whole new table, checks the caller's version, persists it and
/// swaps it in, in that order and one change at a time, so a table that is serving is always the persisted one.
/// </summary>
internal sealed partial class RouteAdministrator(RouteTableHolder routes, string source, ForwarderOptions forwarding, RouteTableStore? store, ILogger logger)
{
    private const string BodyName = "request body";
    private readonly Lock _gate = new();
    private string _source = source;

    /// <summary>The serving table, as requests see it.</summary>
    public RouteTable Table => routes.Current;

    public PersistedRoutes Current
    {
        get
        {
            lock (_gate)
            {
                return new PersistedRoutes(routes.Current.Generation, _source);
            }
        }
    }

    /// <param name="text">A whole route file (YAML, or JSON, which is YAML too).</param>
    /// <param name="expectedGeneration">The generation the caller read; anything else is a stale change.</param>
    public RouteChange Apply(string text, long expectedGeneration)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            var current = routes.Current.Generation;
            if (expectedGeneration != current)
            {
                return new RouteChange(RouteChangeOutcome.Stale, current, []);
            }

            ProxyConfig next;
            try
            {
                next = ProxyConfigLoader.Parse(text, BodyName, current + 1);
            }
            catch (ConfigException ex)
            {
                return new RouteChange(RouteChangeOutcome.Invalid, current, ex.Errors);
            }

            if (next.Forwarding != forwarding)
            {
                // The HTTP client and Kestrel's limits are built from these at start; accepting them here would be a lie.
                var error = new ConfigError(new ConfigLocation(BodyName, 0, 0), "'forwarding' differs from the running proxy's, and it cannot change while the proxy runs.", "send the forwarding section GET /admin/routes returns, and restart the proxy to change it");
                return new RouteChange(RouteChangeOutcome.Invalid, current, [error]);
            }

            try
            {
                store?.Save(new PersistedRoutes(next.Routes.Generation, text), current);
            }
            catch (RouteStoreConflictException ex)
            {
                Log.StoreConflict(logger, ex.Message);
                return new RouteChange(RouteChangeOutcome.StoreConflict, current, [], ex.Message);
            }

            routes.Swap(next.Routes);
            _source = text;
            Log.Applied(logger, next.Routes.Generation, next.Routes.Routes.Length);
            return new RouteChange(RouteChangeOutcome.Applied, next.Routes.Generation, []);
        }
    }
}
