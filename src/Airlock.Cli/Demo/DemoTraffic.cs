using System.Net.Http.Json;

namespace Airlock.Cli.Demo;

/// <summary>
/// Synthetic users on loopback: POST /agent/run with questions the sample's knowledge base answers, at a fixed rate
/// through the proxy, bounded in concurrency (a slow revision makes the loop skip ticks, never pile up requests).
/// </summary>
internal sealed class DemoTraffic(Uri proxy, int perSecond, TimeProvider time) : IAsyncDisposable
{
    /// <summary>The sticky user key the proxy reads (the demo's route names it): each synthetic user keeps its revision.</summary>
    public const string UserHeader = "X-User-Id";

    private const int MaxInFlight = 64;

    /// <summary>Enough users that a 20% canary gets about a fifth of them (assignment is by a hash of the key).</summary>
    private const int Users = 200;

    private static readonly string[] Questions =
    [
        "How do I get started?",
        "What are the rate limits?",
        "How do you handle my privacy and personal data?",
        "How can I contact support?",
        "Which time zones are supported?",
        "What happens when I hit the rate limit?",
    ];

    // No cookie jar: the proxy's first answer would set one sticky key for every request the loop sends.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim _slots = new(MaxInFlight);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private bool _disposed;
    private long _sent;
    private long _ok;
    private long _serverErrors;
    private long _clientErrors;
    private long _otherFailures;

    public long Sent => Interlocked.Read(ref _sent);

    public long Ok => Interlocked.Read(ref _ok);

    /// <summary>4xx answers: refused as the client's fault (a rate limit), not counted against a revision.</summary>
    public long ClientErrors => Interlocked.Read(ref _clientErrors);

    /// <summary>5xx answers and transport failures: what a user saw as broken.</summary>
    public long Failed => Interlocked.Read(ref _serverErrors) + Interlocked.Read(ref _otherFailures);

    public void Start() => _loop = RunAsync(_stop.Token);

    public async Task StopAsync()
    {
        if (_loop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        _loop = null;

        // Let the requests in flight finish so the counts are final.
        for (var i = 0; i < MaxInFlight; i++)
        {
            await _slots.WaitAsync();
        }

        _slots.Release(MaxInFlight);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync();
        _http.Dispose();
        _stop.Dispose();
        _slots.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond), time);
        long tick = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!_slots.Wait(0, CancellationToken.None))
                {
                    continue;
                }

                var question = Questions[tick++ % Questions.Length];
                _ = SendAsync(question, tick);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the demo's story is over.
        }
    }

    private async Task SendAsync(string question, long tick)
    {
        try
        {
            Interlocked.Increment(ref _sent);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/agent/run")
            {
                Content = JsonContent.Create(new { message = question }),
            };
            request.Headers.Add(UserHeader, $"user-{tick % Users}");
            using var response = await _http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                Interlocked.Increment(ref _serverErrors);
            }
            else if (status >= 400)
            {
                Interlocked.Increment(ref _clientErrors);
            }
            else
            {
                Interlocked.Increment(ref _ok);
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _otherFailures);
        }
        catch (TaskCanceledException)
        {
            Interlocked.Increment(ref _otherFailures);
        }
        finally
        {
            _slots.Release();
        }
    }
}
