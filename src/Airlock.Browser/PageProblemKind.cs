namespace Airlock.Browser;

/// <summary>What went wrong on a page, as a user with the developer tools open would see it.</summary>
public enum PageProblemKind
{
    /// <summary><c>console.error</c> from page script, or an error the browser logged (a stylesheet that did not load).</summary>
    ConsoleError,

    /// <summary>An exception no page script caught.</summary>
    UncaughtException,

    /// <summary>The page's Content-Security-Policy refused a script, style, connection or other load.</summary>
    CspViolation,

    /// <summary>A request that failed at the network level, or answered with a 4xx/5xx status.</summary>
    FailedRequest,
}
