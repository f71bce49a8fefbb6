using Airlock.Core.Config;
using Airlock.Readiness.Branch;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Branch;

public sealed class BranchCheckTests
{
    [Fact]
    public async Task Run_OnRemoteDefaultBranchAndPushed_PassesEveryRow()
    {
        using var repo = new TestRepository();
        using var remote = new BareRemote();
        repo.Write("app.txt", "v1").Commit();
        remote.Attach(repo);

        var rows = await RunAsync(repo);

        Assert.All(rows, row => Assert.Equal(CheckResult.Pass, row.Result));
        Assert.Equal(["branch.deploy-branch", "branch.remote", "branch.target-on-remote", "branch.unpushed"], rows.Select(r => r.Id));
        Assert.Contains("refs/remotes/origin/HEAD", Row(rows, "deploy-branch").Evidence[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LocalMasterRemoteDefaultMain_FailsWithBothNames()
    {
        using var repo = new TestRepository();
        using var remote = new BareRemote();
        repo.Write("app.txt", "v1").Commit();
        remote.Attach(repo);
        repo.Git("switch", "-q", "-c", "master");
        var fix = repo.Write("app.txt", "v2").Commit("fix on master");

        var rows = await RunAsync(repo);

        var deploy = Row(rows, "deploy-branch");
        Assert.Equal(CheckResult.Fail, deploy.Result);
        Assert.Equal("on master, platform deploys main", deploy.Summary);
        var unpushed = Row(rows, "unpushed");
        Assert.Equal(CheckResult.Warn, unpushed.Result);
        Assert.Equal(fix, Assert.Single(unpushed.Evidence).Commit);
    }

    [Fact]
    public async Task Run_TargetBranchInConfig_OverridesRemoteDefault()
    {
        using var repo = new TestRepository();
        using var remote = new BareRemote();
        repo.Write("app.txt", "v1").Commit();
        remote.Attach(repo);
        var config = AirlockConfig.Default with { Target = new TargetConfig { Branch = "production" } };

        var rows = await RunAsync(repo, config);

        Assert.Equal("on main, platform deploys production", Row(rows, "deploy-branch").Summary);
        var target = Row(rows, "target-on-remote");
        Assert.Equal(CheckResult.Warn, target.Result);
        Assert.Contains("origin/production not found", target.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CommitsAheadOfRemoteTarget_FailsListingCommitIds()
    {
        using var repo = new TestRepository();
        using var remote = new BareRemote();
        repo.Write("app.txt", "v1").Commit();
        remote.Attach(repo);
        var first = repo.Write("app.txt", "v2").Commit("second");
        var second = repo.Write("app.txt", "v3").Commit("third");

        var unpushed = Row(await RunAsync(repo), "unpushed");

        Assert.Equal(CheckResult.Fail, unpushed.Result);
        Assert.StartsWith("2 commits not on origin/main", unpushed.Summary, StringComparison.Ordinal);
        Assert.Equal([second, first], unpushed.Evidence.Select(e => e.Commit));
        Assert.Equal("`git rev-list origin/main..HEAD`", unpushed.Test);
    }

    [Fact]
    public async Task Run_NoRemote_WarnsNothingToCompare()
    {
        using var repo = new TestRepository();
        repo.Write("app.txt", "v1").Commit();

        var rows = await RunAsync(repo);

        var remoteRow = Row(rows, "remote");
        Assert.Equal(CheckResult.Warn, remoteRow.Result);
        Assert.Contains("nothing to compare", remoteRow.Summary, StringComparison.Ordinal);
        Assert.Equal(CheckResult.Skipped, Row(rows, "deploy-branch").Result);
        Assert.Equal(CheckResult.Skipped, Row(rows, "unpushed").Result);
    }

    [Fact]
    public async Task Run_DetachedHeadWithNewCommit_FailsWithCommit()
    {
        using var repo = new TestRepository();
        using var remote = new BareRemote();
        repo.Write("app.txt", "v1").Commit();
        remote.Attach(repo);
        repo.Git("switch", "-q", "--detach");
        var loose = repo.Write("app.txt", "v2").Commit("made while detached");

        var rows = await RunAsync(repo);

        var deploy = Row(rows, "deploy-branch");
        Assert.Equal(CheckResult.Fail, deploy.Result);
        Assert.StartsWith("HEAD is detached at " + loose[..7], deploy.Summary, StringComparison.Ordinal);
        Assert.Equal(loose, deploy.Evidence[0].Commit);
        Assert.Equal(CheckResult.Fail, Row(rows, "unpushed").Result);
    }

    [Fact]
    public async Task Run_DetachedHeadOnPushedCommit_Passes()
    {
        using var repo = new TestRepository();
        using var remote = new BareRemote();
        repo.Write("app.txt", "v1").Commit();
        remote.Attach(repo);
        repo.Git("switch", "-q", "--detach");

        var rows = await RunAsync(repo);

        Assert.Equal(CheckResult.Pass, Row(rows, "deploy-branch").Result);
        Assert.Equal(CheckResult.Pass, Row(rows, "unpushed").Result);
    }

    [Fact]
    public async Task Run_NoRemoteHeadRef_FallsBackToExistingMaster()
    {
        using var repo = new TestRepository(defaultBranch: "master");
        using var remote = new BareRemote(defaultBranch: "master");
        repo.Write("app.txt", "v1").Commit();
        remote.Attach(repo, branch: "master", setHead: false);

        var rows = await RunAsync(repo);

        var deploy = Row(rows, "deploy-branch");
        Assert.Equal(CheckResult.Pass, deploy.Result);
        Assert.Contains("assumed master", deploy.Evidence[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OnlyRemoteNotOrigin_UsesIt()
    {
        using var repo = new TestRepository();
        using var remote = new BareRemote();
        repo.Write("app.txt", "v1").Commit();
        remote.Attach(repo, name: "upstream");

        var rows = await RunAsync(repo);

        Assert.Contains("upstream (the only remote)", Row(rows, "remote").Evidence[0].Message, StringComparison.Ordinal);
        Assert.Equal(CheckResult.Pass, Row(rows, "deploy-branch").Result);
    }

    [Fact]
    public async Task Run_RemoteUrlWithToken_NeverShowsToken()
    {
        using var repo = new TestRepository();
        repo.Write("app.txt", "v1").Commit();
        repo.Git("remote", "add", "origin", "https://x-access-token:ghp_abcdefghijklmnop1234@github.invalid/team/app.git");

        var rows = await RunAsync(repo);

        var message = Row(rows, "remote").Evidence[0].Message;
        Assert.DoesNotContain("ghp_", message, StringComparison.Ordinal);
        Assert.Contains("https://***@github.invalid/team/app.git", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FeatureBranchPushedToUpstream_PassesUnpushedButFailsDeployBranch()
    {
        using var repo = new TestRepository();
        using var remote = new BareRemote();
        repo.Write("app.txt", "v1").Commit();
        remote.Attach(repo);
        repo.Git("switch", "-q", "-c", "feature");
        repo.Write("app.txt", "v2").Commit();
        repo.Git("push", "-q", "-u", "origin", "feature");

        var rows = await RunAsync(repo);

        Assert.Equal(CheckResult.Fail, Row(rows, "deploy-branch").Result);
        var unpushed = Row(rows, "unpushed");
        Assert.Equal(CheckResult.Pass, unpushed.Result);
        Assert.Equal("`git rev-list origin/feature..HEAD`", unpushed.Test);
    }

    [Fact]
    public async Task Run_EmptyRepository_SkipsWithReason()
    {
        using var repo = new TestRepository();

        var row = Assert.Single(await RunAsync(repo));

        Assert.Equal(CheckResult.Skipped, row.Result);
        Assert.Equal("the repository has no commits yet", row.Summary);
    }

    private static async Task<IReadOnlyList<RubricRow>> RunAsync(TestRepository repo, AirlockConfig? config = null) =>
        await new BranchCheck().RunAsync(repo.Context(config), CancellationToken.None);

    private static RubricRow Row(IReadOnlyList<RubricRow> rows, string id) => rows.Single(r => r.Id == "branch." + id);
}
