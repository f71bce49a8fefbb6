namespace Airlock.Core.Readiness;

/// <summary>How badly a failure mode hurts a launch.</summary>
public enum Severity
{
    /// <summary>It cannot run, or every interaction fails.</summary>
    BlocksLaunch,

    /// <summary>It runs but is unusable for its purpose for some users or queries.</summary>
    DegradesIt,

    /// <summary>It works, but looks broken.</summary>
    Cosmetic,
}
