namespace Airlock.ChatAgent.Tests;

/// <summary>Reads a text/event-stream as the spec frames it: fields until a blank line; lines starting ':' are comments.</summary>
internal sealed class ServerSentEventReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    /// <returns>The next event or comment, or null at the end of the stream.</returns>
    public async Task<ServerSentEvent?> NextAsync(CancellationToken cancellationToken)
    {
        string? id = null, name = null, data = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (id is not null || name is not null || data is not null)
                {
                    return new ServerSentEvent(id, name, data, null);
                }

                continue;
            }

            if (line[0] == ':')
            {
                return new ServerSentEvent(null, null, null, line[1..].Trim());
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
                default: throw new InvalidDataException($"Unexpected SSE field '{field}' in line '{line}'.");
            }
        }

        return null;
    }

    public async Task<List<ServerSentEvent>> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var all = new List<ServerSentEvent>();
        while (await NextAsync(cancellationToken) is { } item)
        {
            all.Add(item);
        }

        return all;
    }

    public void Dispose() => _reader.Dispose();
}
