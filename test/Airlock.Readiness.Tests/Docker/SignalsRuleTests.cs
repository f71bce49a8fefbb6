using Airlock.Readiness.Docker;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Docker;

public sealed class SignalsRuleTests
{
    [Theory]
    [InlineData("FROM node:20\nCMD node server.js\n", "shell-form", 2)]
    [InlineData("FROM node:20\nENTRYPOINT [\"/bin/sh\", \"-c\", \"node server.js && echo done\"]\n", "shell-wrapper", 2)]
    [InlineData("FROM node:20 AS base\nENTRYPOINT npm start\nFROM base\nRUN true\n", "shell-form", 2)]
    [InlineData("FROM node:20\nCMD [node, server.js]\n", "invalid-exec-form", 2)]
    public async Task RunAsync_ShellAsPid1_FailsOrWarnsSignals(string dockerfile, string ruleId, int line)
    {
        var row = await RunAsync(dockerfile);

        Assert.NotEqual(CheckResult.Pass, row.Result);
        var evidence = Assert.Single(row.Evidence);
        Assert.Equal((ruleId, line), (evidence.RuleId, evidence.Line));
    }

    [Theory]
    [InlineData("FROM node:20\nCMD [\"node\", \"server.js\"]\n")]
    [InlineData("FROM node:20\nCMD exec node server.js\n")]
    [InlineData("FROM node:20\nENTRYPOINT [\"tini\", \"--\"]\nCMD node server.js\n")]
    [InlineData("FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n")]
    public async Task RunAsync_AppReceivesSignals_PassesSignals(string dockerfile)
    {
        Assert.Equal(CheckResult.Pass, (await RunAsync(dockerfile)).Result);
    }

    private static async Task<RubricRow> RunAsync(string dockerfile)
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", dockerfile).Commit();
        var rows = await new DockerfileCheck().RunAsync(repo.Context(), CancellationToken.None);
        return Assert.Single(rows, r => r.Id == "dockerfile.signals");
    }
}
