using System.Text.Json;
using ChatAgent.Errors;
using ChatAgent.Limits;
using ChatAgent.Metrics;
using Microsoft.Extensions.Options;

namespace ChatAgent.Agent;

/// <summary><c>POST /agent/run</c>: one JSON answer, or server-sent events when the client asks for a stream.</summary>
internal sealed partial class AgentRunHandler(
    AgentTurn turn,
    IOptions<AgentOptions> options,
    TimeProvider time,
    AgentMetrics metrics,
    TokenBudget budget,
    ILogger<AgentRunHandler> logger)
{
    public const string StartedEvent = "started";
    public const string DeltaEvent = "delta";
    public const string DoneEvent = "done";
    public const string ErrorEvent = "error";

    private const string FailedOutcome = "failed";
    private const string TimeoutMessage = "The agent took too long to answer; please try again.";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (request, problem) = await AgentRequestReader.ReadAsync(context.Request, options.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // Only model turns spend tokens; knowledge-base-only answers are free and never refused for budget.
        var user = AgentRateLimiting.UserKey(context);
        if (turn.Mode == AgentModes.Model && budget.TryAdmit(user) is { } spent)
        {
            return BudgetExhausted(context, spent);
        }

        var conversationId = request!.ConversationId ?? Guid.NewGuid().ToString("N");
        var timestamp = turn.Timestamp(request.TimeZone);
        var wantsStream = request.Stream || context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
        if (!wantsStream)
        {
            var start = time.GetTimestamp();
            var first = true;
            using var timeout = new CancellationTokenSource(options.Value.TurnTimeout, time);
            using var turnCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await foreach (var update in turn.RunAsync(request.Message!, conversationId, timestamp, turnCancellation.Token))
                {
                    if (update.Completed is { } answer)
                    {
                        budget.Charge(user, update.Tokens);
                        TurnEnded(answer);
                        return TypedResults.Json(answer, AgentJsonContext.Default.AgentAnswer);
                    }

                    if (first)
                    {
                        FirstToken(start);
                        first = false;
                    }
                }
            }
            catch (AgentTurnException ex)
            {
                metrics.TurnEnded(turn.Mode, FailedOutcome);
                return Problems.Create(StatusCodes.Status502BadGateway, ex.Code, ex.Message);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                metrics.TurnEnded(turn.Mode, FailedOutcome);
                LogTurnTimedOut(logger, conversationId, options.Value.TurnTimeout);
                return Problems.Create(StatusCodes.Status504GatewayTimeout, ErrorCodes.TurnTimeout, TimeoutMessage);
            }

            throw new InvalidOperationException("The turn ended without a completed answer.");
        }

        await StreamAsync(context, request.Message!, conversationId, user, timestamp, cancellationToken);
        return TypedResults.Empty;
    }

    private async Task StreamAsync(HttpContext context, string message, string conversationId, string user, TimeZones.LocalTimestamp timestamp, CancellationToken cancellationToken)
    {
        await using var events = await ServerSentEventWriter.StartAsync(context.Response, options.Value.KeepAliveInterval, time, cancellationToken);
        var start = time.GetTimestamp();
        var first = true;

        // The writer keeps the request's own token, so it can still send the terminal event after a timeout.
        using var timeout = new CancellationTokenSource(options.Value.TurnTimeout, time);
        using var turnCancellation = CancellationTokenSource.CreateLinkedTokenSource(events.Aborted, timeout.Token);
        try
        {
            await events.WriteEventAsync(StartedEvent, JsonSerializer.Serialize(new StreamStarted(conversationId, turn.Mode, timestamp), AgentJsonContext.Default.StreamStarted));
            await foreach (var update in turn.RunAsync(message, conversationId, timestamp, turnCancellation.Token))
            {
                if (update.Completed is { } answer)
                {
                    budget.Charge(user, update.Tokens);
                    await events.WriteEventAsync(DoneEvent, JsonSerializer.Serialize(answer, AgentJsonContext.Default.AgentAnswer));
                    TurnEnded(answer);
                    return;
                }

                if (first)
                {
                    FirstToken(start);
                    first = false;
                }

                await events.WriteEventAsync(DeltaEvent, JsonSerializer.Serialize(new StreamDelta(update.Delta!), AgentJsonContext.Default.StreamDelta));
            }
        }
        catch (OperationCanceledException) when (events.Aborted.IsCancellationRequested)
        {
            // The client left; the model call was cancelled with it and there is no one to tell.
            LogClientLeft(logger, conversationId);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !events.Aborted.IsCancellationRequested)
        {
            metrics.TurnEnded(turn.Mode, FailedOutcome);
            LogTurnTimedOut(logger, conversationId, options.Value.TurnTimeout);
            await events.WriteEventAsync(ErrorEvent, JsonSerializer.Serialize(new StreamError(ErrorCodes.TurnTimeout, TimeoutMessage), AgentJsonContext.Default.StreamError));
        }
        catch (Exception ex) when (!events.Aborted.IsCancellationRequested)
        {
            // Headers are sent, so the status code cannot change: the failure becomes the terminal event instead.
            var error = ex is AgentTurnException turnError
                ? new StreamError(turnError.Code, turnError.Message)
                : new StreamError(ErrorCodes.Internal, "The agent failed to answer; please try again.");
            if (ex is not AgentTurnException)
            {
                LogStreamFailed(logger, ex, conversationId);
            }

            metrics.TurnEnded(turn.Mode, FailedOutcome);
            await events.WriteEventAsync(ErrorEvent, JsonSerializer.Serialize(error, AgentJsonContext.Default.StreamError));
        }
    }

    private void TurnEnded(AgentAnswer answer) => metrics.TurnEnded(answer.Mode, answer.Refused ? "refused" : answer.Answered ? "answered" : "unknown");

    private void FirstToken(long start) =>
        metrics.TimeToFirstToken.Record(time.GetElapsedTime(start).TotalSeconds, new KeyValuePair<string, object?>("mode", turn.Mode));

    private static IResult BudgetExhausted(HttpContext context, TokenBudgetRejection spent)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling(spent.RetryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var whose = spent.Scope == TokenBudget.UserScope ? "Your share of the model's token budget" : "The model's token budget for everyone";
        return Problems.Create(
            StatusCodes.Status429TooManyRequests,
            ErrorCodes.TokenBudgetExhausted,
            $"{whose} is spent for now.",
            $"Please try again in {retryAfter} seconds.");
    }

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "Client left conversation {ConversationId} mid-stream")]
    private static partial void LogClientLeft(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning, Message = "Turn for conversation {ConversationId} exceeded Agent:TurnTimeout {Timeout}; the model call was cancelled")]
    private static partial void LogTurnTimedOut(ILogger logger, string conversationId, TimeSpan timeout);

    [LoggerMessage(EventId = 211, Level = LogLevel.Error, Message = "Stream failed for conversation {ConversationId}")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception, string conversationId);
}
