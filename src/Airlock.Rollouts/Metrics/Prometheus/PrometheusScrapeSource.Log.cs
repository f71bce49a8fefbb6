using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Metrics.Prometheus;

internal sealed partial class PrometheusScrapeSource
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Could not scrape {Revision} at {Url}: {Reason}")]
        public static partial void ScrapeFailed(ILogger logger, string revision, Uri url, string reason);
    }
}
