using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Threading.Channels;
using Airlock.Core.Deployment;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Controller;

/// <summary>
/// POSTs each rollout event as JSON to the webhooks that subscribed to its kind, from a background queue with a
/// bounded number of retries, so a slow or dead chat channel never holds up a rollback.
/// </summary>
public sealed partial class WebhookNotifier : IRolloutNotifier, IAsyncDisposable
{
    private const int Attempts = 3;
    private readonly ImmutableArray<WebhookSpec> _hooks;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<RolloutEvent> _queue = Channel.CreateBounded<RolloutEvent>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly Task _pump;

    public WebhookNotifier(ImmutableArray<WebhookSpec> hooks, HttpClient http, TimeProvider time, ILogger logger)
    {
        _hooks = hooks;
        _http = http;
        _time = time;
        _logger = logger;
        _pump = Task.Run(PumpAsync);
    }

    public void Publish(RolloutEvent rolloutEvent)
    {
        if (_hooks.Any(hook => Subscribes(hook, rolloutEvent.Kind)))
        {
            _queue.Writer.TryWrite(rolloutEvent);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }

    private static bool Subscribes(WebhookSpec hook, string kind) =>
        hook.Events.IsDefaultOrEmpty || hook.Events.Contains(kind, StringComparer.Ordinal);

    private async Task PumpAsync()
    {
        await foreach (var rolloutEvent in _queue.Reader.ReadAllAsync())
        {
            foreach (var hook in _hooks.Where(hook => Subscribes(hook, rolloutEvent.Kind)))
            {
                await DeliverAsync(hook, rolloutEvent);
            }
        }
    }

    private async Task DeliverAsync(WebhookSpec hook, RolloutEvent rolloutEvent)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
                using var response = await _http.PostAsJsonAsync(hook.Url, rolloutEvent, RolloutJson.Options, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                LogRejected(_logger, hook.Url.GetLeftPart(UriPartial.Authority), (int)response.StatusCode, attempt);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                LogFailed(_logger, hook.Url.GetLeftPart(UriPartial.Authority), ex.Message, attempt);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), _time);
        }
    }

    // Only the scheme and host are logged: chat webhooks carry their secret in the path or the query.
    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Webhook {Url} answered {Status} (attempt {Attempt})")]
    private static partial void LogRejected(ILogger logger, string url, int status, int attempt);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Webhook {Url} failed: {Reason} (attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, string url, string reason, int attempt);
}
