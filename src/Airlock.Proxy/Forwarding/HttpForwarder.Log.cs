using Microsoft.Extensions.Logging;

namespace Airlock.Proxy.Forwarding;

internal sealed partial class HttpForwarder
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Route {Route} revision {Revision}: {Code} before the response started.")]
        public static partial void UpstreamFailed(ILogger logger, string route, string revision, string code, Exception? exception);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Route {Route} revision {Revision}: the response was aborted mid-stream ({Reason}).")]
        public static partial void UpstreamAbortedMidResponse(ILogger logger, string route, string revision, string reason, Exception? exception);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Route {Route} revision {Revision}: the client went away; the upstream request was cancelled.")]
        public static partial void ClientAborted(ILogger logger, string route, string revision);
    }
}
