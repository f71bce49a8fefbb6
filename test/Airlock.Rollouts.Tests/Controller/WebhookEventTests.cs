using System.Collections.Immutable;
using Airlock.Core.Deployment;
using Airlock.Rollouts.Analysis;
using Airlock.Rollouts.Controller;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Rollouts.Tests.Controller;

/// <summary>The engine's ledger kinds reach a real webhook receiver under the documented event names only.</summary>
public sealed class WebhookEventTests
{
    [Fact]
    public async Task Publish_PromoteRollbackAndUndo_ReceiverGetsDocumentedNamesInOrder()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        var notifier = new WebhookNotifier([new WebhookSpec(receiver.Url, WebhookEvents.All)], http, TimeProvider.System, NullLogger.Instance);
        await using (var h = new EngineHarness(notifier: notifier))
        {
            await h.WithStableAsync();
            await h.DeployAsync("v2");
            await h.RunForAsync(TimeSpan.FromSeconds(63));
            Assert.Equal("v2", (await h.Store.GetStableAsync("chat", default))!.Revision);

            await h.DeployAsync("v3");
            await h.AdvanceAsync();
            h.Judge.Next = VerdictKind.Fail;
            h.Clock.Advance(TimeSpan.FromSeconds(1));
            await h.AdvanceAsync();
            h.Judge.Next = VerdictKind.Pass;
            h.Clock.Advance(RolloutEngine.DrainBeforeStop);
            await h.AdvanceAsync();

            Assert.True((await h.SendAsync(RolloutCommandKind.Undo)).Accepted);
            await h.RunForAsync(TimeSpan.FromSeconds(5));
            Assert.Equal("v1", (await h.Store.GetStableAsync("chat", default))!.Revision);
            Assert.Contains("rollback_started", h.LedgerKinds);
            Assert.Contains("requested", h.LedgerKinds);
        }

        // Disposing drains the queue: every event has been delivered (or given up on) when it returns.
        await notifier.DisposeAsync();
        Assert.Equal(
            ["started", "step", "step", "promoted", "started", "step", "rolled_back", "undone"],
            receiver.Kinds.ToArray());
        Assert.All(receiver.Kinds, kind => Assert.Contains(kind, WebhookEvents.All));
        var rolledBack = receiver.Received.Single(e => e.GetProperty("kind").GetString() == "rolled_back");
        Assert.Equal("v3", rolledBack.GetProperty("candidate").GetString());
        Assert.Equal("v2", rolledBack.GetProperty("stable").GetString());
    }

    [Fact]
    public async Task Publish_HookSubscribedToRolledBackOnly_ReceivesNothingElse()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        var notifier = new WebhookNotifier([new WebhookSpec(receiver.Url, [WebhookEvents.RolledBack])], http, TimeProvider.System, NullLogger.Instance);
        await using (var h = new EngineHarness(notifier: notifier))
        {
            await h.WithStableAsync();
            await h.DeployAsync("v2");
            await h.AdvanceAsync();
            h.Judge.Next = VerdictKind.Fail;
            h.Clock.Advance(TimeSpan.FromSeconds(1));
            await h.AdvanceAsync();
        }

        await notifier.DisposeAsync();
        Assert.Equal(["rolled_back"], receiver.Kinds.ToArray());
    }

    [Theory]
    [InlineData("requested", false, "started")]
    [InlineData("requested", true, null)]
    [InlineData("promoted", true, "undone")]
    [InlineData("approval_waiting", false, "approval_required")]
    [InlineData("holding", false, "warning")]
    [InlineData("failed", false, "failed")]
    [InlineData("rollback_started", false, null)]
    [InlineData("step_passed", false, null)]
    public void For_LedgerKind_MapsToDocumentedNameOrNothing(string ledgerKind, bool isUndo, string? expected)
    {
        var name = WebhookEventNames.For(ledgerKind, null, isUndo);

        Assert.Equal(expected, name);
        Assert.True(name is null || WebhookEvents.All.Contains(name));
    }

    [Fact]
    public void For_VerdictWithFailedWarning_IsWarningAndWithoutItNothing()
    {
        var condition = new AnalysisSpec().Rollback[0];
        var failing = new ConditionVerdict(condition, VerdictKind.Fail, 0.5, 0, 100, 100, "x", null, null, "p99 high");
        var warned = new AnalysisVerdict(DateTimeOffset.UnixEpoch, "v2", "v1", VerdictKind.Pass, [], [failing]);
        var quiet = warned with { Warnings = ImmutableArray<ConditionVerdict>.Empty };

        Assert.Equal("warning", WebhookEventNames.For("verdict", warned, false));
        Assert.Null(WebhookEventNames.For("verdict", quiet, false));
    }
}
