namespace Airlock.Core.Deployment;

/// <summary>What a condition reads. Latencies are in seconds, rates and shares in 0-1.</summary>
public enum ConditionMetric
{
    ErrorRate,
    LatencyP50,
    LatencyP95,
    LatencyP99,
    LatencyMax,
    TtfbP50,
    TtfbP95,
    TtfbP99,

    /// <summary>Share of the candidate's requests whose error fingerprint stable never showed.</summary>
    NewErrorType,
    CostPerRequest,
    TokensPerRequest,
    ContextUtilisation,

    /// <summary>Any signal scraped from the revision's <c>/metrics</c>, named by <see cref="RolloutCondition.AppMetric"/>.</summary>
    App,
}
