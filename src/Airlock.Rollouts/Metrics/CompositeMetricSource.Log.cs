using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Metrics;

internal sealed partial class CompositeMetricSource
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "App signals from {Source} are unavailable this pass: {Reason}")]
        public static partial void SignalsUnavailable(ILogger logger, string source, string reason);
    }
}
