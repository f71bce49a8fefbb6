namespace Airlock.Cli.Rollouts;

/// <summary><c>airlock serve</c> did not answer: reported with how to start it, exit code 69.</summary>
internal sealed class ServeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
