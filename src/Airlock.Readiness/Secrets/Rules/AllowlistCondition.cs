namespace Airlock.Readiness.Secrets.Rules;

/// <summary>How the kinds of condition of one allowlist combine.</summary>
public enum AllowlistCondition
{
    /// <summary>Any one kind matching allows the finding.</summary>
    Or,

    /// <summary>Every kind that is set must match.</summary>
    And,
}
