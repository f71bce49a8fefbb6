namespace Airlock.Readiness.Rubric;

/// <summary>The outcome of one rubric row.</summary>
public enum CheckResult
{
    Pass,
    Fail,
    Warn,
    Skipped,
}
