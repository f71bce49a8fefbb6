using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatAgent.Tools;

namespace ChatAgent.Metrics;

/// <summary>
/// Every instrument the agent records, declared once. Names become Prometheus names by replacing dots with
/// underscores and adding the unit (<c>_seconds</c>) and, for counters, <c>_total</c>. No user ids in tags.
/// </summary>
internal sealed class AgentMetrics : IDisposable
{
    public const string MeterName = "ChatAgent";

    public AgentMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        Requests = Meter.CreateCounter<long>("chatagent.http.requests", description: "HTTP requests served, by route and status code.");
        RequestDuration = Meter.CreateHistogram<double>("chatagent.http.request.duration", unit: "s", description: "Time from request start to the end of the response, by route.");
        Turns = Meter.CreateCounter<long>("chatagent.turns", description: "Agent turns, by mode and outcome (answered, unknown, failed).");
        TimeToFirstToken = Meter.CreateHistogram<double>("chatagent.turn.time_to_first_token", unit: "s", description: "Time from the start of a turn to its first piece of answer text, by mode.");
        RateLimitRejections = Meter.CreateCounter<long>("chatagent.rate_limit.rejections", description: "Requests rejected with 429 by a rate limit or the concurrency cap.");
        ToolCalls = Meter.CreateCounter<long>("chatagent.tool.calls", description: "Tool calls, by tool and outcome (ok, unknown_tool, invalid_arguments, failed, timed_out, invalid_result).");
        ToolErrors = Meter.CreateCounter<long>("chatagent.tool.errors", description: "Tool calls that degraded the turn other than by timing out, by tool and kind.");
        ToolTimeouts = Meter.CreateCounter<long>("chatagent.tool.timeouts", description: "Tool calls cut off by their per-tool timeout, by tool.");
        ToolRoundCapHits = Meter.CreateCounter<long>("chatagent.tool.round_cap_hits", description: "Turns whose tool rounds were stopped by Tools:MaxRounds.");
        ModelTokens = Meter.CreateCounter<long>("chatagent.model.tokens", description: "Model tokens, by direction (input, output): the provider's count, else the estimate.");
        TurnCost = Meter.CreateHistogram<double>("chatagent.turn.cost", unit: "USD", description: "Cost of one model turn in US dollars, from Model:Prices.");
        Cost = Meter.CreateCounter<double>("chatagent.cost", unit: "USD", description: "Cost of all model turns in US dollars, from Model:Prices.");
        ContextWindowUtilisation = Meter.CreateHistogram<double>("chatagent.context_window.utilisation", unit: "1", description: "Prompt tokens over the model's context window (0-1), the largest call of each model turn.");
        ModelErrors = Meter.CreateCounter<long>("chatagent.model.errors", description: "Failed model calls, by kind (rate_limited, server_error, client_error, empty_response, invalid_json, malformed_event, truncated, transport, other).");
        TokenBudgetRejections = Meter.CreateCounter<long>("chatagent.token_budget.rejections", description: "Turns rejected with 429 because a token budget was spent, by scope (user, global).");
    }

    /// <summary>This app's meter; two hosts in one process (tests) each have their own.</summary>
    public Meter Meter { get; }

    public Counter<long> Requests { get; }

    public Histogram<double> RequestDuration { get; }

    public Counter<long> Turns { get; }

    public Histogram<double> TimeToFirstToken { get; }

    public Counter<long> RateLimitRejections { get; }

    public Counter<long> ToolCalls { get; }

    public Counter<long> ToolErrors { get; }

    public Counter<long> ToolTimeouts { get; }

    public Counter<long> ToolRoundCapHits { get; }

    public Counter<long> ModelTokens { get; }

    public Histogram<double> TurnCost { get; }

    public Counter<double> Cost { get; }

    public Histogram<double> ContextWindowUtilisation { get; }

    public Counter<long> ModelErrors { get; }

    public Counter<long> TokenBudgetRejections { get; }

    public void ToolCallEnded(string tool, ToolStatus status)
    {
        var outcome = status switch
        {
            ToolStatus.Ok => "ok",
            ToolStatus.UnknownTool => "unknown_tool",
            ToolStatus.InvalidArguments => "invalid_arguments",
            ToolStatus.Failed => "failed",
            ToolStatus.TimedOut => "timed_out",
            ToolStatus.InvalidResult => "invalid_result",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        ToolCalls.Add(1, new TagList { { "tool", tool }, { "outcome", outcome } });
        if (status == ToolStatus.TimedOut)
        {
            ToolTimeouts.Add(1, new TagList { { "tool", tool } });
        }
        else if (status != ToolStatus.Ok)
        {
            ToolErrors.Add(1, new TagList { { "tool", tool }, { "kind", outcome } });
        }
    }

    public void TurnEnded(string mode, string outcome) =>
        Turns.Add(1, new TagList { { "mode", mode }, { "outcome", outcome } });

    public void Dispose() => Meter.Dispose();
}
