using Airlock.Readiness.Docker;

namespace Airlock.Readiness.Tests.Docker;

public sealed class DockerignorePatternsTests
{
    [Theory]
    [InlineData(".git", ".git", true)]
    [InlineData(".git", ".git/HEAD", true)]
    [InlineData("/.git/", ".git/objects/ab", true)]
    [InlineData(".env", ".env", true)]
    [InlineData(".env", "src/.env", false)]
    [InlineData("**/.env", "src/api/.env", true)]
    [InlineData("**/.env", ".env", true)]
    [InlineData(".env*", ".env.local", true)]
    [InlineData("*", ".git", true)]
    [InlineData("*/bin", "src/bin/app.dll", true)]
    [InlineData("?git", ".git", true)]
    [InlineData("[.]env", ".env", true)]
    [InlineData("# .git", ".git", false)]
    public void ExcludedBy_Pattern_MatchesLikeDocker(string pattern, string path, bool excluded)
    {
        Assert.Equal(excluded, DockerignorePatterns.Parse(pattern).ExcludedBy(path) is not null);
    }

    [Fact]
    public void ExcludedBy_LaterNegation_ReincludesAndReportsNothing()
    {
        var patterns = DockerignorePatterns.Parse("**/.env*\n!.env\n");

        Assert.Null(patterns.ExcludedBy(".env"));
        Assert.Equal(1, patterns.ExcludedBy(".env.local"));
    }
}
