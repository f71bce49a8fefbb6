using MathNet.Numerics;

namespace Airlock.Rollouts.Analysis;

/// <summary>
/// One-sided Fisher's exact test on a 2x2 table (candidate errors/requests against stable's): the probability,
/// with both margins fixed, of the candidate showing at least (or at most) as many errors as it did.
/// </summary>
internal static class FisherExactTest
{
    /// <summary>P(A ≥ a): the candidate has more errors than chance would give it.</summary>
    public static double Greater(long candidateErrors, long candidateRequests, long stableErrors, long stableRequests) =>
        Tail(candidateErrors, candidateRequests, stableErrors, stableRequests, upper: true);

    /// <summary>P(A ≤ a): the candidate has fewer errors than chance would give it.</summary>
    public static double Less(long candidateErrors, long candidateRequests, long stableErrors, long stableRequests) =>
        Tail(candidateErrors, candidateRequests, stableErrors, stableRequests, upper: false);

    private static double Tail(long a, long draws, long b, long others, bool upper)
    {
        var population = draws + others;
        var marked = a + b;
        var low = Math.Max(0, draws - (population - marked));
        var high = Math.Min(draws, marked);
        var normaliser = SpecialFunctions.BinomialLn((int)population, (int)draws);
        double sum = 0;
        var (from, to) = upper ? (a, high) : (low, a);
        for (var k = from; k <= to; k++)
        {
            var log = SpecialFunctions.BinomialLn((int)marked, (int)k) + SpecialFunctions.BinomialLn((int)(population - marked), (int)(draws - k)) - normaliser;
            sum += Math.Exp(log);
        }

        return Math.Clamp(sum, 0, 1);
    }
}
