namespace Airlock.Rollouts.Analysis;

public enum VerdictKind
{
    /// <summary>The condition does not hold with enough samples to say so.</summary>
    Pass,

    /// <summary>The condition holds: for a rollback condition, roll back.</summary>
    Fail,

    /// <summary>Enough samples, but the evidence is not decisive either way: pause for a human.</summary>
    Inconclusive,

    /// <summary>Too few samples in the window: extend the step, never fail it.</summary>
    InsufficientData,
}
