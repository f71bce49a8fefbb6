using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Airlock.ChatAgent.Tests.Widget;

/// <summary>
/// Test-only endpoints that answer like /agent/run but with hand-written event streams, byte for byte: line endings,
/// chunk boundaries and breakage the real agent never produces, but a proxy or a future revision might.
/// </summary>
internal sealed class ScriptedEventStream : IStartupFilter
{
    public const string PathPrefix = "/test/sse/";

    private static readonly Dictionary<string, string[]> Scripts = new(StringComparer.Ordinal)
    {
        // CRLF line endings, a chunk boundary between CR and LF, a comment, an event split over three writes,
        // a two-line data field, an unknown event: all must come out as one clean answer.
        ["crlf"] =
        [
            "event: started\r\ndata: {\"conversationId\":\"c-1\"}\r\n\r",
            "\n: keep-alive\r\n\r\nevent: delta\r\nda",
            "ta: {\"text\":\"Hello \"}\r\n",
            "\r\nevent: future-thing\r\ndata: {}\r\n\r\nevent: delta\ndata: {\"text\":\ndata: \"world\"}\n\n",
            "event: done\r\ndata: {\"conversationId\":\"c-1\",\"answer\":\"Hello world\",\"citations\":[]}\r\n\r\n",
        ],
        ["cut-off"] = ["event: started\ndata: {\"conversationId\":\"c-2\"}\n\n", "event: delta\ndata: {\"text\":\"Partial answer \"}\n\n"],
        ["garbage"] = ["event: started\ndata: {\"conversationId\":\"c-3\"}\n\n", "event: delta\ndata: {not json\n\n"],
    };

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (!path.StartsWith(PathPrefix, StringComparison.Ordinal) || !Scripts.TryGetValue(path[PathPrefix.Length..], out var chunks))
            {
                await following(context);
                return;
            }

            context.Response.ContentType = "text/event-stream; charset=utf-8";
            foreach (var chunk in chunks)
            {
                await context.Response.WriteAsync(chunk);
                await context.Response.Body.FlushAsync();

                // Separate writes usually reach the browser as separate reads; the parser must not depend on it either way.
                await Task.Delay(30);
            }
        });
        next(app);
    };
}
