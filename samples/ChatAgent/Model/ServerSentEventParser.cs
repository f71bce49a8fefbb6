using System.Runtime.CompilerServices;
using System.Text;

namespace ChatAgent.Model;

/// <summary>
/// Reads a text/event-stream as the HTML spec frames it: <c>event:</c> and <c>data:</c> lines until a blank line,
/// comments (<c>:</c>) skipped, several data lines joined with a newline, unknown fields ignored.
/// </summary>
internal static class ServerSentEventParser
{
    /// <summary>One dispatched event; <see cref="Event"/> is "message" when the stream named none.</summary>
    internal readonly record struct Item(string Event, string Data);

    public static async IAsyncEnumerable<Item> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? name = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new Item(name ?? "message", data.ToString());
                }

                name = null;
                data.Clear();
                hasData = false;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            if (field == "event")
            {
                name = value;
            }
            else if (field == "data")
            {
                if (hasData)
                {
                    data.Append('\n');
                }

                data.Append(value);
                hasData = true;
            }
        }

        // A final event without its blank line is dispatched too: some servers close right after the last data line.
        if (hasData)
        {
            yield return new Item(name ?? "message", data.ToString());
        }
    }
}
