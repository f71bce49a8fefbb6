using Airlock.Rollouts.Store;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Controller;

public sealed partial class RolloutEngine
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Rollout {RolloutId} ({Candidate}): {From} -> {To}: {Message}")]
    private static partial void LogPhase(ILogger logger, long rolloutId, string candidate, RolloutPhase from, RolloutPhase to, string message);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Route {Route} now at version {Version}: {Weights}")]
    private static partial void LogRouteApplied(ILogger logger, string route, long version, string weights);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Metrics could not be read ({Reason}); this analysis counts as insufficient data")]
    private static partial void LogMetricsUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Stopped {Revision} (pid {Pid})")]
    private static partial void LogStopped(ILogger logger, string revision, int pid);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "Could not take {Revision} out of the route yet ({Reason}); retrying")]
    private static partial void LogRetireDeferred(ILogger logger, string revision, string reason);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "Revision {Revision} (pid {Pid}) is no longer running after the restart")]
    private static partial void LogInstanceGone(ILogger logger, string revision, int pid);

    [LoggerMessage(EventId = 306, Level = LogLevel.Information, Message = "Resuming rollout {RolloutId} of {Candidate} in {Phase} at step {Step}")]
    private static partial void LogResumed(ILogger logger, long rolloutId, string candidate, RolloutPhase phase, int step);
}
