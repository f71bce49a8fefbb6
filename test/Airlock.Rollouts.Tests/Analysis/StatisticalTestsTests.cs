using Airlock.Rollouts.Analysis;

namespace Airlock.Rollouts.Tests.Analysis;

public sealed class StatisticalTestsTests
{
    [Fact]
    public void UpperTail_ThreeOfTwentyAtFivePercent_MatchesHandComputedSum()
    {
        // 1 − P(0) − P(1) − P(2) with P(k) = C(20,k) 0.05^k 0.95^(20−k).
        var expected = 1 - (Math.Pow(0.95, 20) + (20 * 0.05 * Math.Pow(0.95, 19)) + (190 * 0.0025 * Math.Pow(0.95, 18)));
        Assert.Equal(expected, BinomialTest.UpperTail(3, 20, 0.05), 10);
    }

    [Fact]
    public void LowerTail_IsComplementOfUpperTailOfNextCount()
    {
        Assert.Equal(1 - BinomialTest.UpperTail(8, 60, 0.1), BinomialTest.LowerTail(7, 60, 0.1), 12);
    }

    [Theory]
    [InlineData(0, 10, 0.5, 1.0)]
    [InlineData(11, 10, 0.5, 0.0)]
    [InlineData(1, 10, 0.0, 0.0)]
    public void UpperTail_Edges_AreExact(long successes, long trials, double probability, double expected)
    {
        Assert.Equal(expected, BinomialTest.UpperTail(successes, trials, probability));
    }

    [Fact]
    public void FisherGreater_LadyTastingTea_IsSeventeenSeventieths()
    {
        // Fisher's own example: 3 of 4 right against 1 of 4; P(A ≥ 3) = (16 + 1) / 70.
        Assert.Equal(17.0 / 70, FisherExactTest.Greater(3, 4, 1, 4), 12);
    }

    [Fact]
    public void FisherLess_AndGreater_OverlapOnlyInTheObservedTable()
    {
        var greater = FisherExactTest.Greater(5, 40, 9, 400);
        var less = FisherExactTest.Less(5, 40, 9, 400);
        Assert.True(greater + less > 1);
        Assert.True(greater < 0.05, $"5/40 against 9/400 should be significant, p={greater}");
    }
}
