using Airlock.Readiness.Dependencies;

namespace Airlock.Readiness.Tests.Dependencies;

public sealed class NpmRangeTests
{
    [Theory]
    [InlineData("^1.2.3", "1.9.0", true)]
    [InlineData("^1.2.3", "2.0.0", false)]
    [InlineData("^1.2.3", "1.2.2", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("~1.2.3", "1.2.9", true)]
    [InlineData("~1.2.3", "1.3.0", false)]
    [InlineData("~1", "1.9.9", true)]
    [InlineData("1.x", "1.4.0", true)]
    [InlineData("1.x", "2.0.0", false)]
    [InlineData("*", "7.0.0", true)]
    [InlineData("", "7.0.0", true)]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.4", false)]
    [InlineData(">=1.2.3 <2", "1.5.0", true)]
    [InlineData(">= 1.2.3 < 2", "2.0.0", false)]
    [InlineData("1.2.3 - 2.3", "2.3.9", true)]
    [InlineData("1.2.3 - 2.3", "2.4.0", false)]
    [InlineData("^1.0.0 || ^3.0.0", "3.1.0", true)]
    [InlineData("^1.0.0 || ^3.0.0", "2.1.0", false)]
    [InlineData(">1.2", "1.2.9", false)]
    [InlineData(">1.2", "1.3.0", true)]
    [InlineData("<=1.2", "1.2.9", true)]
    [InlineData("^1.2.3", "1.3.0-beta.1", false)]
    [InlineData("^1.2.3-beta.1", "1.2.3-beta.2", true)]
    [InlineData("^1.2.3-beta.1", "1.2.3", true)]
    public void IsSatisfiedBy_Version_MatchesNodeSemver(string range, string version, bool expected)
    {
        var parsed = NpmRange.TryParse(range);

        Assert.NotNull(parsed);
        Assert.Equal(expected, parsed.IsSatisfiedBy(NpmVersion.TryParse(version)!));
    }

    [Theory]
    [InlineData(">=18", false)]
    [InlineData("^20.11.0", true)]
    [InlineData("20.x", true)]
    [InlineData(">=18 <21", true)]
    [InlineData("^18 || >=20", false)]
    public void IsBounded_Range_TrueOnlyWithUpperBoundEverywhere(string range, bool expected)
    {
        Assert.Equal(expected, NpmRange.TryParse(range)!.IsBounded);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("github:user/repo")]
    [InlineData("file:../lib")]
    public void TryParse_NotARange_ReturnsNull(string spec)
    {
        Assert.Null(new NpmDependency("x", spec, "dependencies").Range);
    }
}
