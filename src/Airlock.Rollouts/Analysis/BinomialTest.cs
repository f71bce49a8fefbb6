using MathNet.Numerics;

namespace Airlock.Rollouts.Analysis;

/// <summary>Exact one-sided binomial tail probabilities, through the regularised incomplete beta function.</summary>
internal static class BinomialTest
{
    /// <summary>P(X ≥ <paramref name="successes"/>) for X ~ Binomial(<paramref name="trials"/>, <paramref name="probability"/>).</summary>
    public static double UpperTail(long successes, long trials, double probability)
    {
        if (successes <= 0)
        {
            return 1;
        }

        if (successes > trials)
        {
            return 0;
        }

        if (probability <= 0)
        {
            return 0;
        }

        if (probability >= 1)
        {
            return 1;
        }

        return Math.Clamp(SpecialFunctions.BetaRegularized(successes, trials - successes + 1, probability), 0, 1);
    }

    /// <summary>P(X ≤ <paramref name="successes"/>) for X ~ Binomial(<paramref name="trials"/>, <paramref name="probability"/>).</summary>
    public static double LowerTail(long successes, long trials, double probability)
    {
        if (successes >= trials)
        {
            return 1;
        }

        if (successes < 0)
        {
            return 0;
        }

        if (probability <= 0)
        {
            return 1;
        }

        if (probability >= 1)
        {
            return 0;
        }

        // Computed as its own tail (not 1 − upper) so that tiny probabilities keep their precision.
        return Math.Clamp(SpecialFunctions.BetaRegularized(trials - successes, successes + 1, 1 - probability), 0, 1);
    }
}
