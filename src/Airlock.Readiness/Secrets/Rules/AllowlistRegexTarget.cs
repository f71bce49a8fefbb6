namespace Airlock.Readiness.Secrets.Rules;

/// <summary>What an allowlist's regexes are tested against.</summary>
public enum AllowlistRegexTarget
{
    /// <summary>The captured secret.</summary>
    Secret,

    /// <summary>The whole regex match.</summary>
    Match,

    /// <summary>The full line containing the match.</summary>
    Line,
}
