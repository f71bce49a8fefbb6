using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Airlock.Bench.Rollouts;

/// <summary>
/// A fixed-rate open loop: request i is sent at start + i/rate whether or not earlier ones finished (so a slow proxy
/// shows as latency, not as a lower rate), each with its own user key so the proxy's buckets spread them by weight.
/// </summary>
internal sealed class LoadGenerator(Uri target, int ratePerSecond, Stopwatch clock) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public ConcurrentQueue<Response> Responses { get; } = new();

    public long Sent { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        var startMs = clock.Elapsed.TotalMilliseconds;
        var inFlight = new List<Task>();
        long index = 0;
        while (!stop.IsCancellationRequested)
        {
            var dueMs = startMs + (index * 1000.0 / ratePerSecond);
            var waitMs = dueMs - clock.Elapsed.TotalMilliseconds;
            if (waitMs > 1)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(waitMs), stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            inFlight.Add(SendOneAsync(index));
            index++;
            Sent = index;
            if (inFlight.Count > 2000)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SendOneAsync(long index)
    {
        var sent = clock.Elapsed.TotalMilliseconds;
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Add("X-User-Id", "u" + (index % 100_000).ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await _client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var done = clock.Elapsed.TotalMilliseconds;
            string? revision = null;
            var injected = false;
            if (body.StartsWith("revision ", StringComparison.Ordinal))
            {
                revision = body["revision ".Length..].Trim();
            }
            else
            {
                var marker = body.IndexOf("\"fault.", StringComparison.Ordinal);
                if (marker >= 0)
                {
                    var end = body.IndexOf('"', marker + 1);
                    revision = body[(marker + "\"fault.".Length)..end];
                    injected = (int)response.StatusCode == 500;
                }
            }

            Responses.Enqueue(new Response(sent, done, (int)response.StatusCode, revision, injected));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Responses.Enqueue(new Response(sent, clock.Elapsed.TotalMilliseconds, 0, null, false));
        }
    }

    public void Dispose() => _client.Dispose();
}
