using System.Collections.Immutable;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Controller;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Tests.Controller;

public sealed class RolloutEngineTests
{
    [Fact]
    public async Task AdvanceAsync_HealthyCanary_PromotesThroughEveryStepAndKeepsStableWarm()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");

        await h.AdvanceAsync();
        Assert.Equal(RolloutPhase.Stepping, h.Phase);
        Assert.Equal(10, h.Router.WeightOf("v2"));
        Assert.Equal(90, h.Router.WeightOf("v1"));

        await h.RunForAsync(TimeSpan.FromSeconds(31));
        Assert.Equal(50, h.Router.WeightOf("v2"));

        await h.RunForAsync(TimeSpan.FromSeconds(31));
        Assert.Null(h.Phase);
        Assert.Equal(RolloutPhase.Promoted, h.Last!.Status.Phase);
        Assert.Equal(100, h.Router.WeightOf("v2"));
        Assert.Equal(0, h.Router.WeightOf("v1"));
        Assert.Equal("v2", (await h.Store.GetStableAsync("chat", default))!.Revision);
        Assert.True(h.Runtime.IsRunning("v1"), "the old stable is kept warm for undo");
        Assert.True(h.Judge.Calls > 30, "analysis ran during the pauses");

        h.Clock.Advance(h.Spec.KeepWarm);
        await h.AdvanceAsync();
        Assert.False(h.Runtime.IsRunning("v1"));
        Assert.False(h.Router.Serves("v1"));
        Assert.Equal(["requested", "preflight_passed", "started", "healthy", "verified", "step"], h.LedgerKinds.Take(6));
    }

    [Fact]
    public async Task AdvanceAsync_FailingVerdict_RollsBackToStableAndStopsCandidateAfterDrain()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();
        Assert.Equal(10, h.Router.WeightOf("v2"));

        h.Judge.Next = VerdictKind.Fail;
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.RolledBack, h.Last!.Status.Phase);
        Assert.Equal(100, h.Router.WeightOf("v1"));
        Assert.Equal(0, h.Router.WeightOf("v2"));
        var rolledBack = h.Store.Ledger.Single(e => e.Kind == "rollback_started");
        Assert.Contains("scripted Fail for error_rate > 5% over 30s", rolledBack.Message, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"fail\"", rolledBack.EvidenceJson!, StringComparison.Ordinal);
        Assert.True(h.Runtime.IsRunning("v2"), "the candidate drains before it is stopped");

        h.Clock.Advance(RolloutEngine.DrainBeforeStop);
        await h.AdvanceAsync();
        Assert.False(h.Runtime.IsRunning("v2"));
        Assert.False(h.Router.Serves("v2"));
        Assert.Equal("v1", (await h.Store.GetStableAsync("chat", default))!.Revision);
    }

    [Fact]
    public async Task AdvanceAsync_FailWhileWaitingForApproval_RollsBack()
    {
        await using var h = new EngineHarness(new StrategySpec { Steps = [new RolloutStepSpec.SetWeight(20), new RolloutStepSpec.Approval("half")] });
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("half", h.Engine.Snapshot.Active!.Status.WaitingForApproval);

        h.Judge.Next = VerdictKind.Fail;
        await h.RunForAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(RolloutPhase.RolledBack, h.Last!.Status.Phase);
        Assert.Equal(100, h.Router.WeightOf("v1"));
    }

    [Fact]
    public async Task AdvanceAsync_FailWhilePausedByPerson_RollsBack()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();
        Assert.True((await h.SendAsync(RolloutCommandKind.Pause)).Accepted);

        h.Judge.Next = VerdictKind.Fail;
        await h.RunForAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(RolloutPhase.RolledBack, h.Last!.Status.Phase);
    }

    [Fact]
    public async Task AdvanceAsync_PausedByPerson_DoesNotAdvanceUntilResumed()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();
        await h.SendAsync(RolloutCommandKind.Pause);

        await h.RunForAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(10, h.Router.WeightOf("v2"));

        Assert.True((await h.SendAsync(RolloutCommandKind.Resume)).Accepted);
        await h.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(50, h.Router.WeightOf("v2"));
    }

    [Fact]
    public async Task AdvanceAsync_StableUnhealthy_HoldsInsteadOfRollingBackThenRollsBackWhenItRecovers()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();

        h.Runtime.Server("v1").Healthy = false;
        h.Judge.Next = VerdictKind.Fail;
        await h.RunForAsync(TimeSpan.FromSeconds(3));

        Assert.Equal(RolloutPhase.Holding, h.Phase);
        Assert.Equal(10, h.Router.WeightOf("v2"));
        Assert.Contains("stable v1 is unhealthy (/health/ready answered 503)", h.Engine.Snapshot.Active!.Status.Message, StringComparison.Ordinal);
        Assert.Single(h.Store.Ledger, e => e.Kind == "holding");

        h.Runtime.Server("v1").Healthy = true;
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(RolloutPhase.RolledBack, h.Last!.Status.Phase);
        Assert.Equal(100, h.Router.WeightOf("v1"));
    }

    [Fact]
    public async Task AdvanceAsync_StableErroringAboveTheThreshold_Holds()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();

        h.Judge.StableErrorRate = 0.4;
        h.Judge.Next = VerdictKind.Fail;
        await h.RunForAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(RolloutPhase.Holding, h.Phase);
        Assert.Contains("v1 error rate 40% (n=1000) is above error_rate > 5% over 30s", h.Engine.Snapshot.Active!.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdvanceAsync_InsufficientData_ExtendsThePauseThenPausesForAPerson()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        h.Judge.Next = VerdictKind.InsufficientData;
        await h.AdvanceAsync();

        await h.RunForAsync(TimeSpan.FromSeconds(45));
        Assert.Equal(10, h.Router.WeightOf("v2"));
        Assert.False(h.Engine.Snapshot.Active!.Status.PausedByUser, "insufficient data extends the step; it does not fail or pause it yet");

        await h.RunForAsync(TimeSpan.FromMinutes(2));
        var status = h.Engine.Snapshot.Active!.Status;
        Assert.True(status.PausedByUser);
        Assert.Contains("not enough traffic to judge v2", status.Message, StringComparison.Ordinal);
        Assert.Equal(RolloutPhase.Stepping, status.Phase);

        h.Judge.Next = VerdictKind.Pass;
        await h.SendAsync(RolloutCommandKind.Resume);
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(50, h.Router.WeightOf("v2"));
    }

    [Fact]
    public async Task AdvanceAsync_Inconclusive_PausesForAPersonOncePerStep()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();
        h.Judge.Next = VerdictKind.Inconclusive;
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.True(h.Engine.Snapshot.Active!.Status.PausedByUser);
        Assert.StartsWith("paused: analysis inconclusive", h.Engine.Snapshot.Active.Status.Message, StringComparison.Ordinal);

        await h.SendAsync(RolloutCommandKind.Resume);
        await h.RunForAsync(TimeSpan.FromSeconds(31));
        Assert.Equal(50, h.Router.WeightOf("v2"));
    }

    [Fact]
    public async Task AdvanceAsync_MetricsUnreadable_NeverRollsBackOnThatAlone()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();
        h.Metrics.Broken = true;
        h.Judge.Next = VerdictKind.Fail;

        await h.RunForAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RolloutPhase.Stepping, h.Phase);
        Assert.Equal(10, h.Router.WeightOf("v2"));
    }

    [Fact]
    public async Task AdvanceAsync_PreflightBlocksLaunch_FailsWithoutStartingTheCandidate()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        h.Preflight.Result = new PreflightResult([new PreflightFailure("secrets.history", "1 secret in history")], 35, 1);
        await h.DeployAsync("v2");

        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.Failed, h.Last!.Status.Phase);
        Assert.Contains("secrets.history", h.Last.Status.Message, StringComparison.Ordinal);
        Assert.Equal(["v1"], h.Runtime.Started);
        Assert.Equal(100, h.Router.WeightOf("v1"));
    }

    [Fact]
    public async Task AdvanceAsync_PreflightBlockedButForcedWithReason_ProceedsAndKeepsTheReason()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        h.Preflight.Result = new PreflightResult([new PreflightFailure("secrets.history", "1 secret in history")], 35, 1);
        await h.DeployAsync("v2", force: true, reason: "key already rotated, INC-42");

        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.Stepping, h.Phase);
        var overridden = h.Store.Ledger.Single(e => e.Kind == "preflight_overridden");
        Assert.Contains("key already rotated, INC-42", overridden.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeployAsync_ForceWithoutReason_IsRefused()
    {
        await using var h = new EngineHarness();
        var result = await h.Engine.DeployAsync(new DeployRequest("v2", ImmutableDictionary<string, string>.Empty, Force: true), default);
        Assert.False(result.Accepted);
        Assert.Contains("--reason", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeployAsync_WhileARolloutRuns_IsRefused()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        var second = await h.Engine.DeployAsync(new DeployRequest("v3", ImmutableDictionary<string, string>.Empty), default);
        Assert.False(second.Accepted);
        Assert.Contains("in progress", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdvanceAsync_VerificationProbeFails_FailsAndStopsTheCandidate()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        h.Runtime.BreakKnownBadInput.Add("v2");
        await h.DeployAsync("v2");

        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.Failed, h.Last!.Status.Phase);
        Assert.Contains("'known-bad input': POST /agent/run -> 500: expected status 400", h.Last.Status.Message, StringComparison.Ordinal);
        Assert.False(h.Runtime.IsRunning("v2"));
        Assert.False(h.Router.Serves("v2"));
    }

    [Fact]
    public async Task AdvanceAsync_HealthGateFails_FailsWithTheDetail()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        h.Runtime.FailHealth.Add("v2");
        await h.DeployAsync("v2");

        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.Failed, h.Last!.Status.Phase);
        Assert.Contains("v2 did not become healthy: GET /health/ready answered 503", h.Last.Status.Message, StringComparison.Ordinal);
        Assert.False(h.Runtime.IsRunning("v2"));
        Assert.Equal(100, h.Router.WeightOf("v1"));
    }

    [Fact]
    public async Task AdvanceAsync_CandidateDiesDuringTheRollout_RollsBack()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();

        h.Runtime.Crash("v2");
        await h.RunForAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(RolloutPhase.RolledBack, h.Last!.Status.Phase);
        Assert.Contains("v2 exited (code 139)", h.Store.Ledger.Single(e => e.Kind == "rollback_started").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdvanceAsync_FirstRevisionOfTheService_GoesLiveThroughTheRouterHost()
    {
        await using var h = new EngineHarness();
        await h.Engine.RecoverAsync(default);
        await h.DeployAsync("v1");

        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.Promoted, h.Last!.Status.Phase);
        Assert.Equal(100, h.Router.WeightOf("v1"));
        Assert.Equal("v1", (await h.Store.GetStableAsync("chat", default))!.Revision);
    }
}
