using Airlock.Core.Deployment;

namespace Airlock.Rollouts.Analysis;

/// <summary>
/// One condition judged once, with its figures: the values and sample sizes of candidate and stable, the test that
/// was run and its statistic, and a sentence a person reads ("v3 error rate 48% over 30s (n=61) > 5%").
/// </summary>
public sealed record ConditionVerdict(
    RolloutCondition Condition,
    VerdictKind Kind,
    double? CandidateValue,
    double? StableValue,
    long CandidateSamples,
    long StableSamples,
    string Test,
    double? Statistic,
    double? PValue,
    string Sentence);
