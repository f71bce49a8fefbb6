namespace Airlock.Rollouts.Controller;

/// <summary>The store holds a status this controller did not write: another controller works on the same store.</summary>
public sealed class RolloutConflictException : Exception
{
    public RolloutConflictException()
    {
    }

    public RolloutConflictException(string message)
        : base(message)
    {
    }

    public RolloutConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
