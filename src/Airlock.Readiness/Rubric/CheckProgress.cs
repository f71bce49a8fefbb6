namespace Airlock.Readiness.Rubric;

/// <summary>Progress of a long check, for the terminal's progress bar.</summary>
/// <param name="CheckId">The reporting check.</param>
/// <param name="Activity">What it is doing ("scanning history").</param>
/// <param name="Done">Units done.</param>
/// <param name="Total">Units in all, when known.</param>
/// <param name="Unit">The unit ("commits").</param>
public sealed record CheckProgress(string CheckId, string Activity, long Done, long? Total, string Unit);
