using Airlock.Readiness.Docker;

namespace Airlock.Readiness.Tests.Docker;

public sealed class DockerfileDiscoveryTests
{
    [Theory]
    [InlineData("Dockerfile", true)]
    [InlineData("deploy/Dockerfile.prod", true)]
    [InlineData("api.Dockerfile", true)]
    [InlineData("Containerfile", true)]
    [InlineData("src/Docker/Dockerfile.cs", false)]
    [InlineData("docs/Dockerfile.md", false)]
    [InlineData("Dockerfile.dockerignore", false)]
    public void IsDockerfile_Path_MatchesOnlyDockerfiles(string path, bool expected)
    {
        Assert.Equal(expected, DockerfileDiscovery.IsDockerfile(path));
    }
}
