using System.Diagnostics;
using System.Diagnostics.Metrics;

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
    }

    /// <summary>This app's meter; two hosts in one process (tests) each have their own.</summary>
    public Meter Meter { get; }

    public Counter<long> Requests { get; }

    public Histogram<double> RequestDuration { get; }

    public Counter<long> Turns { get; }

    public Histogram<double> TimeToFirstToken { get; }

    public Counter<long> RateLimitRejections { get; }

    public void TurnEnded(string mode, string outcome) =>
        Turns.Add(1, new TagList { { "mode", mode }, { "outcome", outcome } });

    public void Dispose() => Meter.Dispose();
}
