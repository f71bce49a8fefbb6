using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Runtime;

internal sealed partial class LocalProcessRuntime
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Revision {Revision} started: pid {Pid}, port {Port}, output in {OutLog}.")]
        public static partial void Started(ILogger logger, string revision, int pid, int port, string outLog);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Revision {Revision} is healthy after {ElapsedMs} ms.")]
        public static partial void Healthy(ILogger logger, string revision, long elapsedMs);

        [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Revision {Revision} failed its health gate: {Detail}")]
        public static partial void Unhealthy(ILogger logger, string revision, string detail);

        [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Revision {Revision} (pid {Pid}) sent SIGTERM; SIGKILL after {GraceMs} ms.")]
        public static partial void Stopping(ILogger logger, string revision, int pid, long graceMs);

        [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Revision {Revision} (pid {Pid}) ignored SIGTERM for its grace period: sent SIGKILL.")]
        public static partial void Killed(ILogger logger, string revision, int pid);

        [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Revision {Revision} re-attached: pid {Pid}, port {Port}.")]
        public static partial void Reattached(ILogger logger, string revision, int pid, int port);

        [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Revision {Revision}: pid {Pid} is gone or now another process; not re-attached.")]
        public static partial void ReattachRefused(ILogger logger, string revision, int pid);
    }
}
