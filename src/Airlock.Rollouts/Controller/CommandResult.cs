namespace Airlock.Rollouts.Controller;

/// <summary>Whether a command was accepted and, either way, a sentence saying what happens now (or why not).</summary>
public sealed record CommandResult(bool Accepted, string Message, long? RolloutId = null)
{
    public static CommandResult Refused(string message) => new(false, message);
}
