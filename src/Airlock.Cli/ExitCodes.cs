namespace Airlock.Cli;

/// <summary>The documented exit codes of every <c>airlock</c> command (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success; for <c>check</c>, no row failed at or above the <c>--fail-on</c> tier.</summary>
    public const int Ok = 0;

    /// <summary><c>check</c>: a row failed at or above the <c>--fail-on</c> tier (Blocks Launch by default).</summary>
    public const int LaunchBlocked = 1;

    /// <summary>Rollout verbs: serve refused the action (nothing to promote, a rollout already running); the reason is printed.</summary>
    public const int Refused = 1;

    /// <summary><c>demo</c>: the story did not happen (v2 not promoted or v3 not rolled back); the summary says what did.</summary>
    public const int DemoFailed = 1;

    /// <summary>Bad usage or configuration: an unknown option, a missing path, an invalid airlock.yaml or rules file.</summary>
    public const int UsageError = 2;

    /// <summary>Rollout verbs: <c>airlock serve</c> is not answering (EX_UNAVAILABLE); how to start it is printed.</summary>
    public const int Unavailable = 69;

    /// <summary>An unexpected internal error (a bug): the message and where to report it are printed.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
