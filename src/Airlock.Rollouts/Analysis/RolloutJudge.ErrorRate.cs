using Airlock.Rollouts.Metrics;

namespace Airlock.Rollouts.Analysis;

internal sealed partial class RolloutJudge
{
    private const string BinomialTestName = "exact binomial (one-sided)";
    private const string FisherTestName = "Fisher's exact (one-sided)";

    /// <summary>
    /// <c>error_rate &gt; 5%</c>: H0 "the candidate's true error rate is at most 5%", rejected by the exact binomial
    /// tail P(X ≥ errors | n, 5%). The statistic is the error count.
    /// </summary>
    private ConditionVerdict ErrorRateAbsolute(ConditionInput input)
    {
        var canary = input.CandidateWindow!;
        if (canary.Requests < input.MinSamples)
        {
            return TooFew(input, input.Candidate, canary.Requests, input.MinSamples, canary.ErrorRate);
        }

        var threshold = input.Condition.Threshold.Value;
        var rate = canary.ErrorRate!.Value;
        var p = ConditionText.IsUpward(input.Condition.Operator)
            ? BinomialTest.UpperTail(canary.Errors, canary.Requests, threshold)
            : BinomialTest.LowerTail(canary.Errors, canary.Requests, threshold);
        var holds = ConditionText.Holds(input.Condition.Operator, rate, threshold);
        var kind = Decide(holds, p, canary.Requests, input.MinSamples);
        var sentence = Sentence(input, kind, holds, rate, canary.Requests, input.ThresholdText(null, 0), $"exact binomial p={ConditionText.P(p)}");
        return new ConditionVerdict(input.Condition, kind, rate, input.StableWindow?.ErrorRate, canary.Requests, input.StableWindow?.Requests ?? 0,
            BinomialTestName, canary.Errors, p, sentence);
    }

    /// <summary>
    /// <c>error_rate &gt; 1.5x stable</c>: the candidate's rate must exceed k times stable's (point estimate) and be
    /// significantly above stable's by Fisher's exact test, which is exact at the small counts a canary has. The
    /// statistic is the candidate's error count.
    /// </summary>
    private ConditionVerdict ErrorRateRelative(ConditionInput input)
    {
        var canary = input.CandidateWindow!;
        var stable = input.StableWindow;
        if (canary.Requests < input.MinSamples)
        {
            return TooFew(input, input.Candidate, canary.Requests, input.MinSamples, canary.ErrorRate, stable?.ErrorRate);
        }

        if (stable is null || stable.Requests < input.MinSamples)
        {
            return TooFew(input, $"stable {input.Stable}", stable?.Requests ?? 0, input.MinSamples, canary.ErrorRate, stable?.ErrorRate);
        }

        var rate = canary.ErrorRate!.Value;
        var stableRate = stable.ErrorRate!.Value;
        var reference = input.Condition.Threshold.Value * stableRate;
        var p = ConditionText.IsUpward(input.Condition.Operator)
            ? FisherExactTest.Greater(canary.Errors, canary.Requests, stable.Errors, stable.Requests)
            : FisherExactTest.Less(canary.Errors, canary.Requests, stable.Errors, stable.Requests);
        var holds = ConditionText.Holds(input.Condition.Operator, rate, reference);
        var kind = Decide(holds, p, canary.Requests, input.MinSamples);
        var sentence = Sentence(input, kind, holds, rate, canary.Requests, input.ThresholdText(stableRate, stable.Requests), $"Fisher p={ConditionText.P(p)}");
        return new ConditionVerdict(input.Condition, kind, rate, stableRate, canary.Requests, stable.Requests, FisherTestName, canary.Errors, p, sentence);
    }

    /// <summary>
    /// <c>new_error_type &gt; 0.1%</c>: the share of the candidate's requests whose error fingerprint stable never
    /// showed over the fingerprint history (every window given, at least 15 minutes when the controller follows
    /// <see cref="RequiredWindows"/>), tested like an absolute error rate, and failing only with a minimum count.
    /// </summary>
    private ConditionVerdict NewErrorType(ConditionInput input, IReadOnlyDictionary<TimeSpan, IReadOnlyList<RevisionWindow>> windows)
    {
        var canary = input.CandidateWindow!;
        var stableHistory = windows.Values.SelectMany(list => list).Where(w => string.Equals(w.Revision, input.Stable, StringComparison.Ordinal)).ToList();
        var stableRequests = stableHistory.Count == 0 ? 0 : stableHistory.Max(w => w.Requests);
        if (canary.Requests < input.MinSamples)
        {
            return TooFew(input, input.Candidate, canary.Requests, input.MinSamples);
        }

        if (stableRequests < input.MinSamples)
        {
            // Without stable's own traffic every error would look new.
            return TooFew(input, $"stable {input.Stable}", stableRequests, input.MinSamples);
        }

        var known = stableHistory.SelectMany(w => w.Fingerprints.Keys).ToHashSet(StringComparer.Ordinal);
        var fresh = canary.Fingerprints.Where(f => !known.Contains(f.Key)).ToList();
        var count = fresh.Sum(f => f.Value);
        var share = (double)count / canary.Requests;
        var threshold = input.Condition.Threshold.Value;
        var p = ConditionText.IsUpward(input.Condition.Operator)
            ? BinomialTest.UpperTail(count, canary.Requests, threshold)
            : BinomialTest.LowerTail(count, canary.Requests, threshold);
        var holds = ConditionText.Holds(input.Condition.Operator, share, threshold);
        var kind = Decide(holds, p, canary.Requests, input.MinSamples);
        if (kind == VerdictKind.Fail && ConditionText.IsUpward(input.Condition.Operator) && count < Options.MinNewErrorCount)
        {
            kind = VerdictKind.InsufficientData;
        }

        var names = fresh.Count == 0 ? string.Empty : $" [{string.Join(", ", fresh.OrderByDescending(f => f.Value).Take(3).Select(f => $"{f.Key} x{f.Value}"))}]";
        var sentence = Sentence(input, kind, holds, share, canary.Requests, input.ThresholdText(null, 0), $"exact binomial p={ConditionText.P(p)}") + names;
        return new ConditionVerdict(input.Condition, kind, share, 0, canary.Requests, stableRequests, BinomialTestName, count, p, sentence);
    }

    /// <summary>"v3 error rate 48% over 30s (n=61) > 5%: rollback (exact binomial p=1.2e-30)".</summary>
    private static string Sentence(ConditionInput input, VerdictKind kind, bool holds, double value, long samples, string threshold, string evidence)
    {
        var head = $"{input.Candidate} {input.Metric} {input.Format(value)} over {input.Window} (n={samples})";
        var relation = holds ? $"{input.Op} {threshold}" : $"{ConditionText.Negated(input.Condition.Operator)} {threshold}";
        var qualifier = kind switch
        {
            VerdictKind.Pass when holds => " but not significantly",
            VerdictKind.Inconclusive or VerdictKind.InsufficientData => " not yet significantly",
            _ => string.Empty,
        };
        return $"{head} {relation}{qualifier}: {Outcome(kind, input.Action)} ({evidence})";
    }
}
