namespace Airlock.Core.Deployment;

/// <summary>
/// An absolute value in the metric's unit (0.05 for 5%, 60 for 60s), or, when <paramref name="RelativeToStable"/>,
/// a factor of the stable revision's value over the same window (1.5 for <c>1.5x stable</c>).
/// </summary>
public sealed record ConditionThreshold(double Value, bool RelativeToStable);
