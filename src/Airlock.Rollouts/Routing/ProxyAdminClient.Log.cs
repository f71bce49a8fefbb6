using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Routing;

internal sealed partial class ProxyAdminClient
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Proxy admin API {Admin} failed (attempt {Attempt}): {Reason}; retrying")]
        public static partial void Retrying(ILogger logger, Uri admin, int attempt, string reason);
    }
}
