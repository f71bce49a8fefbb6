using Airlock.Core.Deployment;
using Airlock.Rollouts.Controller;
using Airlock.Rollouts.Store;

namespace Airlock.Rollouts.Tests.Controller;

public sealed class RolloutEngineCommandTests
{
    [Fact]
    public async Task HandleAsync_Abort_SendsAllTrafficToStableAndEndsAborted()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();

        var result = await h.SendAsync(RolloutCommandKind.Abort);
        await h.AdvanceAsync();

        Assert.True(result.Accepted);
        Assert.Equal(RolloutPhase.Aborted, h.Last!.Status.Phase);
        Assert.Equal(100, h.Router.WeightOf("v1"));
        Assert.Contains("aborted", h.LedgerKinds);
    }

    [Fact]
    public async Task HandleAsync_AbortWhileWaitingForApproval_IsNotBlockedByTheGate()
    {
        await using var h = new EngineHarness(new StrategySpec { Steps = [new RolloutStepSpec.SetWeight(20), new RolloutStepSpec.Approval("half")] });
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.RunForAsync(TimeSpan.FromSeconds(2));

        await h.SendAsync(RolloutCommandKind.Abort);
        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.Aborted, h.Last!.Status.Phase);
    }

    [Fact]
    public async Task HandleAsync_Approve_PassesTheGateAndNothingElse()
    {
        await using var h = new EngineHarness(new StrategySpec { Steps = [new RolloutStepSpec.SetWeight(20), new RolloutStepSpec.Approval("half"), new RolloutStepSpec.SetWeight(50)] });
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.RunForAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(20, h.Router.WeightOf("v2"));
        Assert.Single(h.Store.Ledger, e => e.Kind == "approval_waiting");

        Assert.True((await h.SendAsync(RolloutCommandKind.Approve)).Accepted);
        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.Promoted, h.Last!.Status.Phase);
        Assert.False((await h.SendAsync(RolloutCommandKind.Approve)).Accepted);
    }

    [Fact]
    public async Task HandleAsync_PromoteFull_SkipsTheRemainingSteps()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();

        Assert.True((await h.SendAsync(RolloutCommandKind.Promote, full: true)).Accepted);
        await h.AdvanceAsync();

        Assert.Equal(RolloutPhase.Promoted, h.Last!.Status.Phase);
        Assert.Equal(100, h.Router.WeightOf("v2"));
    }

    [Fact]
    public async Task HandleAsync_PromoteWithoutFull_SkipsOnlyTheCurrentPause()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();

        await h.SendAsync(RolloutCommandKind.Promote);
        await h.AdvanceAsync();

        Assert.Equal(50, h.Router.WeightOf("v2"));
        Assert.Equal(RolloutPhase.Stepping, h.Phase);
    }

    [Fact]
    public async Task HandleAsync_UndoAfterPromote_ReturnsToTheWarmPreviousStable()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();
        await h.SendAsync(RolloutCommandKind.Promote, full: true);
        await h.AdvanceAsync();
        Assert.Equal(100, h.Router.WeightOf("v2"));

        var undo = await h.SendAsync(RolloutCommandKind.Undo);
        await h.AdvanceAsync();

        Assert.True(undo.Accepted, undo.Message);
        Assert.Equal(100, h.Router.WeightOf("v1"));
        var stable = await h.Store.GetStableAsync("chat", default);
        Assert.Equal("v1", stable!.Revision);
        Assert.Equal("v2", stable.Previous);
        Assert.Equal(["v1", "v2"], h.Runtime.Started);
        Assert.Contains("reused", h.LedgerKinds);
        Assert.Equal(1, h.Preflight.Runs);
    }

    [Fact]
    public async Task HandleAsync_UndoWithNoPrevious_IsRefused()
    {
        await using var h = new EngineHarness();
        await h.WithStableAsync();
        var undo = await h.SendAsync(RolloutCommandKind.Undo);
        Assert.False(undo.Accepted);
        Assert.Contains("no previous stable", undo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NoRollout_RefusesWithAReason()
    {
        await using var h = new EngineHarness();
        var result = await h.SendAsync(RolloutCommandKind.Promote);
        Assert.False(result.Accepted);
        Assert.Equal("no rollout is in progress", result.Message);
    }

    [Fact]
    public async Task AdvanceAsync_BlueGreen_PreviewsThenSwitchesAtOnceThenPromotes()
    {
        await using var h = new EngineHarness(new StrategySpec { Kind = StrategyKind.BlueGreen, Preview = TimeSpan.FromSeconds(20) });
        await h.WithStableAsync();
        await h.DeployAsync("v2");
        await h.AdvanceAsync();
        Assert.Equal(0, h.Router.WeightOf("v2"));

        await h.RunForAsync(TimeSpan.FromSeconds(21));
        Assert.Equal(100, h.Router.WeightOf("v2"));
        Assert.Equal(0, h.Router.WeightOf("v1"));
        Assert.Equal(RolloutPhase.Stepping, h.Phase);

        await h.RunForAsync(TimeSpan.FromSeconds(21));
        Assert.Equal(RolloutPhase.Promoted, h.Last!.Status.Phase);
    }
}
