using System.Diagnostics.Metrics;
using Airlock.ChatAgent.Tests.Fakes;
using ChatAgent.Metrics;
using ChatAgent.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.ChatAgent.Tests.Tools;

public sealed class ToolRunnerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _clock = new(ChatAgentApp.Start);

    public void Dispose() => _services.Dispose();

    private ToolRunner Runner(ToolOptions options, params IAgentTool[] tools) => new(
        tools,
        Microsoft.Extensions.Options.Options.Create(options),
        _clock,
        new AgentMetrics(_services.GetRequiredService<IMeterFactory>()),
        NullLogger<ToolRunner>.Instance);

    private static ToolCall Call(string name, params (string Key, string Value)[] arguments) =>
        new(name, arguments.ToDictionary(a => a.Key, a => a.Value));

    [Fact]
    public async Task RunRoundAsync_ToolSlowerThanItsOwnTimeout_TimedOutWithNote()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new ScriptedTool(ToolNames.Clock, ScriptedTool.Hangs(started));
        var options = new ToolOptions { DefaultTimeout = TimeSpan.FromMinutes(1), Timeouts = { [ToolNames.Clock] = TimeSpan.FromSeconds(2) } };

        var round = Runner(options, slow).RunRoundAsync([Call(ToolNames.Clock)], CancellationToken.None);
        await started.Task;
        _clock.Advance(TimeSpan.FromSeconds(2));
        var result = Assert.Single(await round);

        Assert.Equal(ToolStatus.TimedOut, result.Status);
        Assert.Null(result.Output);
        Assert.Equal("the clock tool did not answer within 2 s", result.Note);
    }

    [Fact]
    public async Task RunRoundAsync_TurnCancelled_ThrowsInsteadOfDegrading()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var turn = new CancellationTokenSource();
        var round = Runner(new ToolOptions(), new ScriptedTool(ToolNames.Clock, ScriptedTool.Hangs(started)))
            .RunRoundAsync([Call(ToolNames.Clock)], turn.Token);
        await started.Task;
        await turn.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => round);
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>", "the clock tool returned something that is not JSON")]
    [InlineData("", "the clock tool returned something that is not JSON")]
    [InlineData("[1,2,3]", "the clock tool returned an unusable result (it is not a JSON object)")]
    [InlineData("""{"zone":42}""", "the clock tool returned an unusable result (no 'zone')")]
    [InlineData("""{"zone":"Asia/Tokyo","local":"teatime"}""", "the clock tool returned an unusable result (no 'local' time)")]
    public async Task RunRoundAsync_GarbageResult_InvalidResultWithNote(string raw, string note)
    {
        var broken = new ScriptedTool(new ClockTool(_clock), ScriptedTool.Returns(raw));

        var result = Assert.Single(await Runner(new ToolOptions(), broken).RunRoundAsync([Call(ToolNames.Clock, ("zone", "Tokyo"))], CancellationToken.None));

        Assert.Equal(ToolStatus.InvalidResult, result.Status);
        Assert.Equal(note, result.Note);
    }

    [Fact]
    public async Task RunRoundAsync_ToolThrows_FailedWithoutExceptionText()
    {
        var broken = new ScriptedTool(ToolNames.Clock, (_, _) => throw new InvalidOperationException("secret internals"));

        var result = Assert.Single(await Runner(new ToolOptions(), broken).RunRoundAsync([Call(ToolNames.Clock)], CancellationToken.None));

        Assert.Equal(ToolStatus.Failed, result.Status);
        Assert.Equal("the clock tool failed", result.Note);
    }

    [Fact]
    public async Task RunRoundAsync_ToolCancelsItself_FailedNotTurnEnding()
    {
        var broken = new ScriptedTool(ToolNames.Clock, (_, _) => Task.FromException<string>(new TaskCanceledException("its own HTTP client timed out")));

        var result = Assert.Single(await Runner(new ToolOptions(), broken).RunRoundAsync([Call(ToolNames.Clock)], CancellationToken.None));

        Assert.Equal(ToolStatus.Failed, result.Status);
    }

    [Fact]
    public async Task RunRoundAsync_InvalidArguments_ToolNotInvoked()
    {
        var clock = new ScriptedTool(new ClockTool(_clock), ScriptedTool.Returns("{}"));

        var result = Assert.Single(await Runner(new ToolOptions(), clock).RunRoundAsync([Call(ToolNames.Clock, ("zone", "Atlantis"))], CancellationToken.None));

        Assert.Equal(ToolStatus.InvalidArguments, result.Status);
        Assert.Equal("'Atlantis' is not a time zone or city I know", result.Note);
        Assert.Equal(0, clock.Invocations);
    }

    [Fact]
    public async Task RunRoundAsync_UnknownTool_DegradedNotThrown()
    {
        var result = Assert.Single(await Runner(new ToolOptions()).RunRoundAsync([Call("weather")], CancellationToken.None));

        Assert.Equal(ToolStatus.UnknownTool, result.Status);
    }

    [Fact]
    public async Task RunRoundAsync_IndependentCalls_RunConcurrently()
    {
        // Each call waits until both have started: run one after the other, the first would wait for ever
        // (its safety net then fails it, and the assertions below say so).
        var inFlight = 0;
        var maxInFlight = 0;
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<IReadOnlyDictionary<string, string>, CancellationToken, Task<string>> meet = async (_, cancellationToken) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            if (now == 2)
            {
                bothStarted.TrySetResult();
            }

            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System, cancellationToken);
            Interlocked.Decrement(ref inFlight);
            return """{"zone":"UTC","local":"2026-07-01T12:00:00+00:00"}""";
        };
        var runner = Runner(new ToolOptions(), new ScriptedTool(ToolNames.Clock, meet), new ScriptedTool(ToolNames.KnowledgeBaseSearch, meet));

        var results = await runner.RunRoundAsync([Call(ToolNames.Clock), Call(ToolNames.KnowledgeBaseSearch)], CancellationToken.None);

        Assert.All(results, r => Assert.Equal(ToolStatus.Ok, r.Status));
        Assert.Equal([ToolNames.Clock, ToolNames.KnowledgeBaseSearch], results.Select(r => r.Call.Name));
        Assert.Equal(2, maxInFlight);
    }

    [Fact]
    public async Task RunAsync_PlannerThatNeverStops_StoppedAtRoundCap()
    {
        var clock = new ScriptedTool(new ClockTool(_clock), (arguments, cancellationToken) => new ClockTool(_clock).InvokeAsync(arguments, cancellationToken));
        var rounds = 0;

        var run = await Runner(new ToolOptions { MaxRounds = 3 }, clock).RunAsync(
            _ =>
            {
                rounds++;
                return [Call(ToolNames.Clock, ("zone", "Tokyo"))];
            },
            CancellationToken.None);

        Assert.True(run.RoundCapReached);
        Assert.Equal(3, run.Results.Count);
        Assert.Equal(3, clock.Invocations);
        Assert.Equal(4, rounds);
    }

    [Fact]
    public async Task RunAsync_PlannerDoneAfterOneRound_NoCap()
    {
        var run = await Runner(new ToolOptions { MaxRounds = 1 }, new ClockTool(_clock)).RunAsync(
            done => done.Count == 0 ? [Call(ToolNames.Clock, ("zone", "Asia/Tokyo"))] : [],
            CancellationToken.None);

        Assert.False(run.RoundCapReached);
        var result = Assert.Single(run.Results);
        Assert.Equal(ToolStatus.Ok, result.Status);
        Assert.Equal("2026-07-01T21:00:00+09:00", result.Output!.Value.GetProperty("local").GetString());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
