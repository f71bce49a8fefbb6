using Microsoft.Extensions.Logging;

namespace Airlock.Proxy.Admin;

internal sealed partial class RouteAdministrator
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Route table generation {Generation} applied ({Routes} route(s)).")]
        public static partial void Applied(ILogger logger, long generation, int routes);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Route table change refused: {Detail}")]
        public static partial void StoreConflict(ILogger logger, string detail);
    }
}
