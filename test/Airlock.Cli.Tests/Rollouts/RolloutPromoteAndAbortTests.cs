using System.Text.Json;

namespace Airlock.Cli.Tests.Rollouts;

/// <summary>
/// End to end: the built <c>airlock serve</c> as a process, the real proxy it starts, real revisions of the test
/// service, bounded traffic through the proxy, and the client verbs.
/// </summary>
public sealed class RolloutPromoteAndAbortTests
{
    [Fact]
    public async Task Deploy_HealthySecondRevisionThenAbortedThird_PromotesThenRollsBackWithoutFailedRequests()
    {
        using var project = new DeployProject("{setWeight: 20}, {pause: 3s}, {setWeight: 50}, {pause: 3s}");
        project.StartServe();
        await project.WaitForServeAsync();

        var first = await project.CliAsync("deploy", "v1", "--wait");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.Out + first.Error);
        Assert.Contains("v1 is live (100%)", first.Out, StringComparison.Ordinal);

        await using var traffic = Traffic.Start(project.Listen);
        await project.OkAsync("deploy", "v2");
        var promoted = await project.WaitForAsync(s => DeployProject.ActivePhase(s) is null, "v2's rollout to end");
        Assert.Equal("promoted", promoted.GetProperty("last").GetProperty("status").GetProperty("phase").GetString());
        Assert.Equal("v2", DeployProject.Stable(promoted));
        var detail = await project.RolloutAsync(promoted.GetProperty("last").GetProperty("id").GetInt64());
        Assert.Equal(["v2 at 20%", "v2 at 50%"], Ledger(detail, "step").Select(e => e.GetProperty("message").GetString()));
        Assert.Single(Ledger(detail, "promoted"));

        // (d) abort from the CLI while the third revision has traffic: everything goes back to v2.
        await project.OkAsync("deploy", "v3");
        await project.WaitForAsync(s => DeployProject.ActiveWeight(s) == 20, "v3 at 20%");
        var abort = await project.CliAsync("abort");
        Assert.True(abort.ExitCode == ExitCodes.Ok, abort.Out + abort.Error);
        var ended = await project.WaitForAsync(s => DeployProject.ActivePhase(s) is null, "the abort to finish");
        Assert.Equal("aborted", ended.GetProperty("last").GetProperty("status").GetProperty("phase").GetString());
        Assert.Equal("v2", DeployProject.Stable(ended));

        var mark = traffic.Answers.Count;
        await WaitForAnswersAsync(traffic, mark + 40);
        await traffic.StopAsync();
        var after = traffic.Since(mark);
        Assert.All(after, answer => Assert.Equal("revision v2", answer.Body));
        Assert.All(traffic.Answers, answer => Assert.True(answer.Status == 200, $"{answer.Status}: {answer.Body}"));
        Assert.Contains(traffic.Answers, answer => answer.Body == "revision v1");
        Assert.Contains(traffic.Answers, answer => answer.Body == "revision v3");
    }

    internal static async Task WaitForAnswersAsync(Traffic traffic, int count)
    {
        for (var attempt = 0; attempt < 200 && traffic.Answers.Count < count; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(traffic.Answers.Count >= count, $"only {traffic.Answers.Count} answers of {count}");
    }

    internal static IEnumerable<JsonElement> Ledger(JsonElement detail, string kind) =>
        detail.GetProperty("ledger").EnumerateArray().Where(entry => entry.GetProperty("kind").GetString() == kind);
}
