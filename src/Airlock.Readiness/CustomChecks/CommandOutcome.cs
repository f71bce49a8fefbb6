namespace Airlock.Readiness.CustomChecks;

/// <summary>How one custom check's command ended.</summary>
/// <param name="ExitCode">The exit code, or null when it timed out or did not start.</param>
/// <param name="TimedOut">True when it ran past its timeout and was killed with its children.</param>
/// <param name="StartError">Why the shell could not be started.</param>
/// <param name="Duration">Wall time, from <see cref="Rubric.CheckContext.Time"/>.</param>
/// <param name="StandardOutput">The tail of stdout and whether the expected fragment appeared.</param>
/// <param name="StandardError">The tail of stderr.</param>
internal sealed record CommandOutcome(
    int? ExitCode,
    bool TimedOut,
    string? StartError,
    TimeSpan Duration,
    OutputCapture StandardOutput,
    OutputCapture StandardError);
