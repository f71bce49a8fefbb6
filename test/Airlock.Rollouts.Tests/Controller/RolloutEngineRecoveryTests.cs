using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Tests.Controller;

public sealed class RolloutEngineRecoveryTests
{
    [Fact]
    public async Task RecoverAsync_RestartDuringAPause_ResumesTheRemainderWithoutReapplyingTheStep()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();
        await h.RunForAsync(TimeSpan.FromSeconds(20));
        var appliesBefore = h.Router.Applies;

        await h.RestartAsync();
        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.Stepping, h.Phase);
        Assert.Equal(appliesBefore, h.Router.Applies);
        Assert.Equal(["v1", "v2"], h.Runtime.Started);
        Assert.Equal(1, h.Preflight.Runs);

        await h.RunForAsync(TimeSpan.FromSeconds(11));
        Assert.Equal(50, h.Router.WeightOf("v2"));
        Assert.Contains("resumed_after_restart", h.LedgerKinds);
    }

    [Fact]
    public async Task RecoverAsync_RestartDuringARollback_FinishesTheRollback()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();
        var active = h.Engine.Snapshot.Active!;
        // As if the controller died right after persisting the rollback phase, before touching the router.
        await h.Store.TryUpdateStatusAsync(active.Id, active.Status.Revision, active.Status with { Phase = RolloutPhase.RollingBack, Revision = active.Status.Revision + 1 }, default);

        await h.RestartAsync();
        h.Judge.Next = VerdictKind.Fail;
        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.RolledBack, h.Last!.Status.Phase);
        Assert.Equal(100, h.Router.WeightOf("v1"));
    }

    [Fact]
    public async Task RecoverAsync_CandidateGoneDuringTheHealthGate_StartsItAgain()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        var active = h.Engine.Snapshot.Active!;
        await h.Store.TryUpdateStatusAsync(active.Id, active.Status.Revision, active.Status with { Phase = RolloutPhase.HealthGate, Revision = active.Status.Revision + 1 }, default);

        await h.RestartAsync();
        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.Stepping, h.Phase);
        Assert.Equal(["v1", "v2"], h.Runtime.Started);
    }

    [Fact]
    public async Task RecoverAsync_SecondWriterOnTheSameStore_IsDetected()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        var first = h.Engine;
        await h.RestartAsync();
        await h.AdvanceAsync();

        await Assert.ThrowsAsync<Airlock.Rollouts.Controller.RolloutConflictException>(() => first.AdvanceAsync(default));
    }
}
