using System.Text.Json;

namespace Airlock.Cli.Tests.Rollouts;

/// <summary>End to end: a revision failing half its requests is rolled back by itself, with the verdict's figures kept.</summary>
public sealed class RolloutRollbackTests
{
    [Fact]
    public async Task Deploy_RevisionFailingHalfItsRequests_RolledBackAutomaticallyWithFiguresInTheLedger()
    {
        using var project = new DeployProject("{setWeight: 20}, {pause: 20s}, {setWeight: 50}, {pause: 20s}");
        project.StartServe();
        await project.WaitForServeAsync();
        await project.OkAsync("deploy", "v1", "--wait");

        await using var traffic = Traffic.Start(project.Listen);
        await project.OkAsync("deploy", "v2", "--env", "TEST_ERROR_RATE=0.5");
        await project.WaitForAsync(s => DeployProject.ActivePhase(s) is null, "v2's rollout to end");

        var status = await project.StatusAsync();
        Assert.Equal("v1", DeployProject.Stable(status));
        var last = status.GetProperty("last");
        Assert.Equal("rolled_back", last.GetProperty("status").GetProperty("phase").GetString());
        Assert.Equal(0, last.GetProperty("status").GetProperty("candidateWeight").GetInt32());

        var detail = await project.RolloutAsync(last.GetProperty("id").GetInt64());
        var started = RolloutPromoteAndAbortTests.Ledger(detail, "rollback_started").Single();
        using var evidence = JsonDocument.Parse(started.GetProperty("evidenceJson").GetString()!);
        var failed = evidence.RootElement.GetProperty("rollback").EnumerateArray().First(c => c.GetProperty("kind").GetString() == "fail");
        Assert.True(failed.GetProperty("candidateSamples").GetInt64() >= 20, failed.GetRawText());
        Assert.True(failed.GetProperty("candidateValue").GetDouble() > 0.05, failed.GetRawText());
        Assert.True(failed.GetProperty("pValue").GetDouble() < 0.05, failed.GetRawText());
        Assert.Single(RolloutPromoteAndAbortTests.Ledger(detail, "rolled_back"));

        var mark = traffic.Answers.Count;
        await RolloutPromoteAndAbortTests.WaitForAnswersAsync(traffic, mark + 40);
        await traffic.StopAsync();
        Assert.All(traffic.Since(mark), answer => Assert.Equal("revision v1", answer.Body));

        // The only failed requests are the faulty revision's own errors: none from the proxy or the switch.
        var failures = traffic.Answers.Where(answer => answer.Status != 200).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, answer => Assert.True(answer.Status == 500 && answer.Body.Contains("test.injected_error", StringComparison.Ordinal), $"{answer.Status}: {answer.Body}"));
    }
}
