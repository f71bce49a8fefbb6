using System.Globalization;
using System.Text.Json;
using ChatAgent.Metrics;
using Microsoft.Extensions.Options;

namespace ChatAgent.Tools;

/// <summary>
/// Runs tool calls: the calls of one round concurrently, each under its own timeout on the injected clock, with
/// arguments checked before and results parsed and checked after. A failing, slow or garbage-returning tool yields a
/// degraded <see cref="ToolResult"/> with a note; it never throws into the turn (only the turn's own cancellation does).
/// </summary>
internal sealed partial class ToolRunner
{
    private readonly Dictionary<string, IAgentTool> _tools;
    private readonly IOptions<ToolOptions> _options;
    private readonly TimeProvider _time;
    private readonly AgentMetrics _metrics;
    private readonly ILogger<ToolRunner> _logger;

    public ToolRunner(IEnumerable<IAgentTool> tools, IOptions<ToolOptions> options, TimeProvider time, AgentMetrics metrics, ILogger<ToolRunner> logger)
    {
        // The last registration of a name wins, so a host (or a test) can replace a tool.
        _tools = new Dictionary<string, IAgentTool>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            _tools[tool.Name] = tool;
        }

        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>
    /// Runs rounds until <paramref name="nextRound"/> (given every result so far) asks for nothing, or until
    /// <see cref="ToolOptions.MaxRounds"/> rounds have run.
    /// </summary>
    public async Task<ToolRun> RunAsync(Func<IReadOnlyList<ToolResult>, IReadOnlyList<ToolCall>> nextRound, CancellationToken cancellationToken)
    {
        var results = new List<ToolResult>();
        var maxRounds = _options.Value.MaxRounds;
        for (var round = 0; ; round++)
        {
            var calls = nextRound(results);
            if (calls.Count == 0)
            {
                return new ToolRun(results, RoundCapReached: false);
            }

            if (round == maxRounds)
            {
                LogRoundCap(_logger, maxRounds);
                _metrics.ToolRoundCapHits.Add(1);
                return new ToolRun(results, RoundCapReached: true);
            }

            results.AddRange(await RunRoundAsync(calls, cancellationToken));
        }
    }

    /// <summary>Runs independent calls concurrently; results come back in the order of <paramref name="calls"/>.</summary>
    public Task<ToolResult[]> RunRoundAsync(IReadOnlyList<ToolCall> calls, CancellationToken cancellationToken) =>
        Task.WhenAll(calls.Select(call => RunOneAsync(call, cancellationToken)));

    private async Task<ToolResult> RunOneAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var result = await InvokeAsync(call, cancellationToken);
        _metrics.ToolCallEnded(call.Name, result.Status);
        if (result.Status != ToolStatus.Ok)
        {
            LogDegraded(_logger, call.Name, result.Status, result.Note);
        }

        return result;
    }

    private async Task<ToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        if (!_tools.TryGetValue(call.Name, out var tool))
        {
            return Degraded(call, ToolStatus.UnknownTool, $"there is no tool named '{call.Name}'");
        }

        var argumentError = tool.ValidateArguments(call.Arguments);
        if (argumentError is not null)
        {
            return Degraded(call, ToolStatus.InvalidArguments, argumentError);
        }

        var timeout = _options.Value.TimeoutFor(call.Name);
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        string raw;
        try
        {
            // Task.Run: a tool that blocks before its first await must not hold up the other calls of the round.
            // WaitAsync: a tool that ignores its token still times out; its late result is dropped.
            raw = await Task.Run(() => tool.InvokeAsync(call.Arguments, linked.Token), linked.Token).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Degraded(call, ToolStatus.TimedOut, $"the {call.Name} tool did not answer within {Seconds(timeout)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Includes a tool's own cancellation (its HTTP client timing out, say): only the turn's cancellation ends the turn.
            LogFailed(_logger, ex, call.Name);
            return Degraded(call, ToolStatus.Failed, $"the {call.Name} tool failed");
        }

        JsonElement output;
        try
        {
            using var document = JsonDocument.Parse(raw);
            output = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Degraded(call, ToolStatus.InvalidResult, $"the {call.Name} tool returned something that is not JSON");
        }

        var resultError = output.ValueKind == JsonValueKind.Object ? tool.ValidateResult(output) : "it is not a JSON object";
        return resultError is null
            ? new ToolResult(call, ToolStatus.Ok, output, null)
            : Degraded(call, ToolStatus.InvalidResult, $"the {call.Name} tool returned an unusable result ({resultError})");
    }

    private static ToolResult Degraded(ToolCall call, ToolStatus status, string note) => new(call, status, null, note);

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Tool {Tool} degraded the turn: {Status} ({Note})")]
    private static partial void LogDegraded(ILogger logger, string tool, ToolStatus status, string? note);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Tool {Tool} threw")]
    private static partial void LogFailed(ILogger logger, Exception exception, string tool);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Tool rounds stopped at the cap of {MaxRounds}")]
    private static partial void LogRoundCap(ILogger logger, int maxRounds);
}
