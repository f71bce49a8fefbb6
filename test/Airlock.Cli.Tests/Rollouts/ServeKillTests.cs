namespace Airlock.Cli.Tests.Rollouts;

/// <summary>End to end: <c>kill -9</c> of serve in the middle of a pause; a new serve resumes the rollout at its step.</summary>
public sealed class ServeKillTests
{
    [Fact]
    public async Task Serve_KilledDuringAPauseAndRestarted_ResumesAtItsStepWhileTrafficKeepsFlowing()
    {
        using var project = new DeployProject("{setWeight: 20}, {pause: 8s}, {setWeight: 50}, {pause: 3s}");
        var serve = project.StartServe();
        await project.WaitForServeAsync();
        await project.OkAsync("deploy", "v1", "--wait");

        await using var traffic = Traffic.Start(project.Listen);
        await project.OkAsync("deploy", "v2");
        await project.WaitForAsync(
            s => DeployProject.ActiveWeight(s) == 20 && s.GetProperty("active").GetProperty("status").GetProperty("stepIndex").GetInt32() == 1,
            "v2 pausing at 20%");

        serve.KillHard();
        var killedAt = traffic.Answers.Count;
        await RolloutPromoteAndAbortTests.WaitForAnswersAsync(traffic, killedAt + 30);
        Assert.All(traffic.Since(killedAt), answer => Assert.True(answer.Status == 200, $"{answer.Status}: {answer.Body}"));
        Assert.Equal(ExitCodes.Unavailable, (await project.CliAsync("status")).ExitCode);

        project.StartServe();
        await project.WaitForServeAsync();
        var ended = await project.WaitForAsync(s => DeployProject.ActivePhase(s) is null, "the rollout to end");
        await traffic.StopAsync();

        var last = ended.GetProperty("last");
        Assert.Equal("promoted", last.GetProperty("status").GetProperty("phase").GetString());
        Assert.Equal("v2", DeployProject.Stable(ended));
        var detail = await project.RolloutAsync(last.GetProperty("id").GetInt64());
        Assert.Single(RolloutPromoteAndAbortTests.Ledger(detail, "resumed_after_restart"));
        var steps = RolloutPromoteAndAbortTests.Ledger(detail, "step").Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Equal(["v2 at 20%", "v2 at 50%"], steps);
        Assert.All(traffic.Answers, answer => Assert.True(answer.Status == 200, $"{answer.Status}: {answer.Body}"));
        Assert.Contains(traffic.Answers, answer => answer.Body == "revision v2");
    }
}
