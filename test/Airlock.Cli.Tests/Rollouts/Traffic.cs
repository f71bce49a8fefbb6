using System.Collections.Concurrent;

namespace Airlock.Cli.Tests.Rollouts;

/// <summary>
/// Bounded sequential traffic through the proxy: one request at a time with a short gap, at most
/// <see cref="MaxRequests"/> requests, until stopped, each as a new user (no cookies). Every answer is kept (status 0: no answer at all).
/// </summary>
internal sealed class Traffic : IAsyncDisposable
{
    public const int MaxRequests = 20_000;
    // No cookie jar: the proxy pins a client to one revision by its airlock_uid cookie, so one cookie-keeping client
    // would be one sticky user who never reaches the canary. Without cookies every request is a new user.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private Traffic(Uri url)
    {
        _loop = Task.Run(() => LoopAsync(url));
    }

    public ConcurrentQueue<(int Status, string Body)> Answers { get; } = new();

    public static Traffic Start(Uri url) => new(url);

    /// <summary>Answers from <paramref name="from"/> on (an index into <see cref="Answers"/>).</summary>
    public IReadOnlyList<(int Status, string Body)> Since(int from) => Answers.Skip(from).ToList();

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync(Uri url)
    {
        for (var i = 0; i < MaxRequests && !_stop.IsCancellationRequested; i++)
        {
            try
            {
                using var response = await _http.GetAsync(url, _stop.Token);
                Answers.Enqueue(((int)response.StatusCode, await response.Content.ReadAsStringAsync(_stop.Token)));
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Answers.Enqueue((0, ex.Message));
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
