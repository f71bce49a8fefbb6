namespace Airlock.Rollouts.Runtime;

/// <summary>A revision could not be started at all (its program or working folder is missing); the message says which.</summary>
public sealed class RevisionStartException : Exception
{
    public RevisionStartException()
    {
    }

    public RevisionStartException(string message)
        : base(message)
    {
    }

    public RevisionStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
