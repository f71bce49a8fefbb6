using Microsoft.Extensions.Logging;

namespace Airlock.Proxy.Draining;

internal sealed partial class DrainTracker
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Route {Route} revision {Revision} left rotation: draining {InFlight} request(s) in flight until {Deadline:O}.")]
        public static partial void DrainStarted(ILogger logger, string route, string revision, long inFlight, DateTimeOffset deadline);

        [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Route {Route} revision {Revision} drained after {Elapsed}.")]
        public static partial void Drained(ILogger logger, string route, string revision, TimeSpan elapsed);

        [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Route {Route} revision {Revision}: {InFlight} request(s) still in flight after the drain bound of {Bound}; cut.")]
        public static partial void Cut(ILogger logger, string route, string revision, long inFlight, TimeSpan bound);

        [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Route {Route} revision {Revision} is back in rotation; its drain is cancelled.")]
        public static partial void Resumed(ILogger logger, string route, string revision);
    }
}
