using System.Text;

namespace Airlock.Readiness.Live;

/// <summary>Reads a text/event-stream body read by read, noting which read brought the first and the terminal event.</summary>
internal static class ServerSentEventTracer
{
    public static async Task<(string Body, StreamTrace Trace)> ReadAsync(
        Stream body, string doneEvent, TimeProvider time, long start, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var trace = new StreamTrace();
        var parsed = 0;
        while (text.Length < LiveSession.MaxBodyChars)
        {
            var n = await body.ReadAsync(bytes, cancellationToken);
            if (n == 0)
            {
                break;
            }

            var now = time.GetElapsedTime(start);
            trace = trace with { Reads = trace.Reads + 1 };
            text.Append(chars, 0, decoder.GetChars(bytes, 0, n, chars, 0));
            var normalized = text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
            int end;
            while ((end = normalized.IndexOf("\n\n", parsed, StringComparison.Ordinal)) >= 0)
            {
                trace = Event(trace, normalized[parsed..end], doneEvent, now);
                parsed = end + 2;
            }

            if (trace.TerminalEvent is not null)
            {
                break;
            }
        }

        return (text.ToString(), trace);
    }

    private static StreamTrace Event(StreamTrace trace, string block, string doneEvent, TimeSpan now)
    {
        string? name = null;
        var data = new StringBuilder();
        foreach (var line in block.Split('\n'))
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line[5..].TrimStart());
            }
        }

        // A block of comments only (": keep-alive") is not an event.
        if (name is null && data.Length == 0)
        {
            return trace;
        }

        trace = trace with { Events = trace.Events + 1 };
        if (trace.FirstEventAt is null)
        {
            trace = trace with { FirstEventAt = now, FirstEventRead = trace.Reads };
        }

        return name == doneEvent || name == "error"
            ? trace with { TerminalEvent = name, TerminalData = data.ToString(), TerminalAt = now, TerminalRead = trace.Reads }
            : trace;
    }
}
