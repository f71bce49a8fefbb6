using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Routing;

internal sealed partial class AirlockProxyRouter
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Route {Route} serves {Weights} at version {Version} (verified)")]
        public static partial void Applied(ILogger logger, string route, long version, RouteWeights weights);

        [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "The proxy refused a change to route {Route}: {Reason}")]
        public static partial void Refused(ILogger logger, string route, string reason);
    }
}
