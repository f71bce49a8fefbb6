using System.Threading.Channels;
using Airlock.Rollouts.Routing;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Controller;

/// <summary>
/// The one owner of the <see cref="RolloutEngine"/>: a single loop that applies queued commands and advances the
/// active rollout, sleeping until the next thing is due or a command arrives. Callers on other threads (the API)
/// only enqueue and wait for their answer; an abort also interrupts a long phase before traffic (the preflight, a health
/// gate, the probes) so it never waits behind one; phases that write the router or the store are never cut. An error in one pass (router unreachable, a runtime failure) is logged, shown in
/// <see cref="LastError"/> and retried; it never ends the loop.
/// </summary>
public sealed partial class RolloutController(RolloutEngine engine, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan RetryAfterError = TimeSpan.FromSeconds(2);
    private readonly Channel<PendingCommand> _commands = Channel.CreateUnbounded<PendingCommand>(new UnboundedChannelOptions { SingleReader = true });
    private CancellationTokenSource? _phase;
    private string? _lastError;

    public RolloutSnapshot Snapshot => engine.Snapshot;

    /// <summary>The last error a pass hit, cleared by the next pass that succeeds.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    public Task<CommandResult> DeployAsync(DeployRequest request, CancellationToken cancellationToken) =>
        EnqueueAsync(new PendingCommand(request, null, false), cancellationToken);

    public Task<CommandResult> SendAsync(RolloutCommandKind kind, bool full, CancellationToken cancellationToken)
    {
        if (kind == RolloutCommandKind.Abort && engine.Snapshot.Active?.Status.Phase is Store.RolloutPhase.Preflight or Store.RolloutPhase.HealthGate or Store.RolloutPhase.Verifying)
        {
            // Safe from any thread: the loop sees the cancellation, stops the phase's work, then runs the abort.
            try
            {
                Volatile.Read(ref _phase)?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The pass ended in the meantime; the abort is simply next in the queue.
            }
        }

        return EnqueueAsync(new PendingCommand(null, kind, full), cancellationToken);
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await engine.RecoverAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            while (_commands.Reader.TryRead(out var command))
            {
                await ExecuteAsync(command, stoppingToken);
            }

            var wait = await AdvanceOnceAsync(stoppingToken);
            if (_commands.Reader.TryPeek(out _))
            {
                continue;
            }

            await SleepAsync(wait, stoppingToken);
        }
    }

    private async Task<TimeSpan?> AdvanceOnceAsync(CancellationToken stoppingToken)
    {
        using var phase = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Volatile.Write(ref _phase, phase);
        try
        {
            var wait = await engine.AdvanceAsync(phase.Token);
            Volatile.Write(ref _lastError, null);
            return wait;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return TimeSpan.Zero;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not RolloutConflictException)
        {
            var message = ex is RouterException or HttpRequestException or IOException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            Volatile.Write(ref _lastError, message);
            LogPassFailed(logger, ex, message);
            return RetryAfterError;
        }
        finally
        {
            Volatile.Write(ref _phase, null);
        }
    }

    private async Task ExecuteAsync(PendingCommand command, CancellationToken stoppingToken)
    {
        try
        {
            var result = command.Deploy is { } deploy
                ? await engine.DeployAsync(deploy, stoppingToken)
                : await engine.HandleAsync(command.Kind!.Value, command.Full, stoppingToken);
            command.Answer.TrySetResult(result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogPassFailed(logger, ex, ex.Message);
            command.Answer.TrySetResult(CommandResult.Refused($"the controller could not apply it: {ex.Message}"));
        }
    }

    private async Task SleepAsync(TimeSpan? wait, CancellationToken stoppingToken)
    {
        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var commandArrived = _commands.Reader.WaitToReadAsync(sleep.Token).AsTask();
        var tasks = wait is { } delay ? new[] { commandArrived, Task.Delay(delay, time, sleep.Token) } : [commandArrived];
        try
        {
            await Task.WhenAny(tasks);
        }
        finally
        {
            await sleep.CancelAsync();
        }
    }

    private async Task<CommandResult> EnqueueAsync(PendingCommand command, CancellationToken cancellationToken)
    {
        await _commands.Writer.WriteAsync(command, cancellationToken);
        return await command.Answer.Task.WaitAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 310, Level = LogLevel.Error, Message = "A controller pass failed: {Reason}; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string reason);

    private sealed record PendingCommand(DeployRequest? Deploy, RolloutCommandKind? Kind, bool Full)
    {
        public TaskCompletionSource<CommandResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
