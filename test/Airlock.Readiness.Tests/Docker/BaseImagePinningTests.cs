using Airlock.Readiness.Docker;

namespace Airlock.Readiness.Tests.Docker;

public sealed class BaseImagePinningTests
{
    [Theory]
    [InlineData("FROM debian", "Untagged")]
    [InlineData("FROM debian:latest AS build", "Latest")]
    [InlineData("FROM debian:12", "Tag")]
    [InlineData("FROM debian@sha256:0123", "Digest")]
    [InlineData("FROM debian:latest@sha256:0123", "Digest")]
    [InlineData("FROM --platform=linux/amd64 registry.local:5000/base", "Untagged")]
    [InlineData("FROM ${BASE}", "Unresolved")]
    [InlineData("ARG BASE=node:20\nFROM ${BASE}", "Tag")]
    [InlineData("ARG BASE=node\nFROM $BASE", "Untagged")]
    [InlineData("ARG TAG=latest\nFROM node:${TAG}", "Latest")]
    public void Assess_SingleFrom_ReportsKind(string dockerfile, string expected)
    {
        var pin = Assert.Single(BaseImagePinning.Assess(DockerfileParser.Parse(dockerfile)));

        Assert.Equal(Enum.Parse<BaseImagePinKind>(expected), pin.Kind);
        Assert.Equal(dockerfile.Split('\n').Length, pin.Line);
    }

    [Fact]
    public void Assess_ScratchAndEarlierStages_AreNotBaseImages()
    {
        var file = DockerfileParser.Parse("FROM golang:1.22 AS Build\nFROM build AS test\nFROM scratch\nCOPY --from=build /a /a\n");

        var pin = Assert.Single(BaseImagePinning.Assess(file));
        Assert.Equal("golang", pin.Image.Name);
    }

    [Fact]
    public void FindUnpinned_MixedFile_ReturnsOnlyLatestAndUntaggedWithReasons()
    {
        var file = DockerfileParser.Parse("FROM node AS deps\nFROM node:20 AS build\nFROM nginx:latest\n");

        var unpinned = BaseImagePinning.FindUnpinned(file);

        Assert.Equal([1, 3], unpinned.Select(p => p.Line));
        Assert.Contains("no tag", unpinned[0].Reason, StringComparison.Ordinal);
        Assert.Contains("latest", unpinned[1].Reason, StringComparison.Ordinal);
    }
}
