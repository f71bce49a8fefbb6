using System.Text.Json.Nodes;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>
/// Row 11: a streamed answer survives the path (a proxy, a load balancer): the first event arrives before the answer
/// completes. Buffering shows as the first and the terminal event arriving in the same read after the whole answer's time.
/// </summary>
internal sealed class StreamingRow : ILiveRow
{
    public RubricRowTemplate Template(LiveSession session) => new()
    {
        CheckId = LiveCheck.CheckId,
        Row = "streaming",
        FailureMode = "Something on the path buffers the stream: the answer appears all at once at the end, or never",
        Test = $"POST {session.Config.Turn.Path} {LiveText.Quote(session.Config.Streaming.Message)} with {session.Config.Turn.StreamField} = true and Accept: text/event-stream, through {session.Target.BaseUri} " +
            $"(after one streamed turn to warm up) → text/event-stream; the first event arrives in an earlier read than the '{session.Config.Turn.DoneEvent}' event",
        Severity = Severity.DegradesIt,
        Step = CountdownStep.OpenUrl,
        Fix = "Turn off response buffering for the stream on every hop (nginx: proxy_buffering off or X-Accel-Buffering: no; no compression of text/event-stream).",
    };

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        var user = session.NewUser("streaming user");

        // One streamed turn first, read to the end and not judged: a cold service's first stream pays for JIT and
        // connection setup before its first event (65-140 ms measured on the sample), which is not the answer's own time.
        _ = await StreamAsync(session, user, cancellationToken);
        var (exchange, trace) = await StreamAsync(session, user, cancellationToken);
        if (!exchange.Succeeded || trace is null)
        {
            return template.Fail($"no event stream: {LiveText.Describe(exchange)}", [LiveText.Of(exchange)]);
        }

        var evidence = new Evidence(
            $"{exchange.Request}: {trace.Events} events in {trace.Reads} reads; first event after {Ms(trace.FirstEventAt)} (read {trace.FirstEventRead?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}), " +
            $"'{trace.TerminalEvent ?? "no terminal event"}' after {Ms(trace.TerminalAt)} (read {trace.TerminalRead?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})");
        if (trace.TerminalEvent is null)
        {
            return template.Fail($"the stream ended without a '{session.Config.Turn.DoneEvent}' event", [evidence]);
        }

        if (trace.TerminalEvent != session.Config.Turn.DoneEvent)
        {
            return template.Fail($"the stream ended with an error event: {LiveText.Excerpt(trace.TerminalData ?? string.Empty)}", [evidence]);
        }

        if (trace.FirstEventRead < trace.TerminalRead)
        {
            return template.Pass($"streamed: first event after {Ms(trace.FirstEventAt)}, answer complete after {Ms(trace.TerminalAt)}", [evidence]);
        }

        var span = trace.TerminalAt!.Value - (trace.FirstEventAt ?? TimeSpan.Zero);
        var whole = trace.TerminalAt.Value >= session.Config.Streaming.MinimumSpan;
        return whole
            ? template.Fail($"the first event arrived with the last, after {Ms(trace.TerminalAt)}: the stream was buffered on the way", [evidence])
            : template.Pass($"the whole answer arrived within {Ms(trace.TerminalAt)}, quicker than live.streaming.minimum_span ({session.Config.Streaming.MinimumSpan.TotalMilliseconds:0} ms): too quick to tell streaming from buffering (span {span.TotalMilliseconds:0} ms)", [evidence]);
    }

    private static Task<(LiveExchange Exchange, StreamTrace? Trace)> StreamAsync(LiveSession session, LiveUser user, CancellationToken cancellationToken)
    {
        var request = session.TurnRequest(session.Config.Streaming.Message, (session.Config.Turn.StreamField, JsonValue.Create(true)));
        var start = session.Time.GetTimestamp();
        return session.SendStreamingAsync(user, request, async (response, token) =>
        {
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            {
                var text = await response.Content.ReadAsStringAsync(token);
                return (text.Length > LiveSession.MaxBodyChars ? text[..LiveSession.MaxBodyChars] : text, (StreamTrace?)null);
            }

            await using var body = await response.Content.ReadAsStreamAsync(token);
            var (streamed, result) = await ServerSentEventTracer.ReadAsync(body, session.Config.Turn.DoneEvent, session.Time, start, token);
            return (streamed, (StreamTrace?)result);
        }, cancellationToken);
    }

    private static string Ms(TimeSpan? value) => value is { } v ? $"{v.TotalMilliseconds:0} ms" : "-";
}
