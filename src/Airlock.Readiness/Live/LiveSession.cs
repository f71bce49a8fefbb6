using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Core.Config.Live;

namespace Airlock.Readiness.Live;

/// <summary>
/// Everything the live rows share: the target, one HTTP client per simulated user, the request budget and the log of
/// every exchange (row 12 reads it). The guard rails live here, not in the rows: requests go only to the target's
/// origin, never follow redirects, each has <c>live.timeout</c>, and the run stops sending at <c>live.max_requests</c>.
/// </summary>
internal sealed partial class LiveSession : IDisposable
{
    /// <summary>Characters of a response body kept for evidence and the secrets scan.</summary>
    public const int MaxBodyChars = 256 * 1024;

    private readonly ConcurrentQueue<LiveExchange> _exchanges = new();
    private readonly ConcurrentDictionary<LiveUser, HttpClient> _clients = new();
    private readonly byte[] _sourceBlock;
    private readonly string _runTag;
    /// <summary>
    /// Timed-out requests after which the run stops sending: a hung service would make every remaining probe wait its
    /// whole timeout. One, because the rows run at once: with a higher count, the rows whose requests time out first
    /// would send their next ones before the others have counted theirs, and wait a second timeout.
    /// </summary>
    public const int MaxTimeouts = 1;

    private int _requests;
    private int _timeouts;
    private int _users;

    public LiveSession(LiveTarget target, LiveConfig config, TimeProvider time)
    {
        Target = target;
        Config = config;
        Time = time;

        // Each run draws its users from a fresh 127.x.y.0/24 block, so a second run within a rate-limit window starts
        // with full buckets, and no user shares the 127.0.0.1 bucket of the team's own curl.
        _sourceBlock = [127, (byte)RandomNumberGenerator.GetInt32(1, 255), (byte)RandomNumberGenerator.GetInt32(0, 256), 0];
        _runTag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
        var ipv4Loopback = IPAddress.TryParse(target.BaseUri.IdnHost, out var address)
            ? address.AddressFamily == AddressFamily.InterNetwork && IPAddress.IsLoopback(address)
            : string.Equals(target.BaseUri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
        CanSeparateUsers = config.UserHeader is not null || (ipv4Loopback && OperatingSystem.IsLinux());
    }

    public LiveTarget Target { get; }

    public LiveConfig Config { get; }

    public TimeProvider Time { get; }

    /// <summary>False when two users would look the same to the service (a remote target without <c>live.user_header</c>).</summary>
    public bool CanSeparateUsers { get; }

    public IReadOnlyCollection<LiveExchange> Exchanges => _exchanges;

    public int RequestsSent => Volatile.Read(ref _requests);

    /// <summary>A new simulated user, distinct from every other one in this run when <see cref="CanSeparateUsers"/>.</summary>
    public LiveUser NewUser(string name)
    {
        var index = Interlocked.Increment(ref _users);
        if (Config.UserHeader is not null)
        {
            // Documentation addresses (RFC 3849): valid in X-Forwarded-For, never a real client.
            return new LiveUser(name, null, $"2001:db8::{_runTag}:{index:x}");
        }

        if (!CanSeparateUsers || index > 254)
        {
            return new LiveUser(name, null, null);
        }

        return new LiveUser(name, new IPAddress([_sourceBlock[0], _sourceBlock[1], _sourceBlock[2], (byte)index]), null);
    }

    /// <summary>Sends one request to the target and records the exchange. Never throws for HTTP or transport failures.</summary>
    public async Task<LiveExchange> SendAsync(LiveUser user, LiveRequestConfig request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), Resolve(request.Path));
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = null;
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await SendAsync(user, message, cancellationToken);
    }

    /// <summary>One agent turn: a JSON POST to <c>live.turn.path</c> with the message and any extra fields.</summary>
    public Task<LiveExchange> TurnAsync(LiveUser user, string text, CancellationToken cancellationToken, params (string Field, JsonNode? Value)[] extra) =>
        SendAsync(user, TurnRequest(text, extra), cancellationToken);

    public LiveRequestConfig TurnRequest(string text, params (string Field, JsonNode? Value)[] extra)
    {
        var body = new JsonObject { [Config.Turn.MessageField] = text };
        foreach (var (field, value) in extra)
        {
            body[field] = value;
        }

        return new LiveRequestConfig
        {
            Method = "POST",
            Path = Config.Turn.Path,
            Headers = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("Content-Type", "application/json"),
            Body = body.ToJsonString(),
        };
    }

    /// <summary>
    /// Sends a request and hands the open response to <paramref name="read"/> (for streams); the body the reader
    /// returns is what is recorded. The probe timeout covers the whole exchange.
    /// </summary>
    public async Task<(LiveExchange Exchange, T? Result)> SendStreamingAsync<T>(
        LiveUser user,
        LiveRequestConfig request,
        Func<HttpResponseMessage, CancellationToken, Task<(string Body, T Result)>> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(read);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), Resolve(request.Path));
        message.Content = new StringContent(request.Body ?? string.Empty, Encoding.UTF8, "application/json");
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        T? result = default;
        var exchange = await ExchangeAsync(user, message, HttpCompletionOption.ResponseHeadersRead, async (response, token) =>
        {
            var (body, value) = await read(response, token);
            result = value;
            return body;
        }, cancellationToken);
        return (exchange, result);
    }

    public static JsonElement? Json(LiveExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        try
        {
            using var document = JsonDocument.Parse(exchange.Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private Task<LiveExchange> SendAsync(LiveUser user, HttpRequestMessage message, CancellationToken cancellationToken) =>
        ExchangeAsync(user, message, HttpCompletionOption.ResponseContentRead, ReadBodyAsync, cancellationToken);

    private async Task<LiveExchange> ExchangeAsync(
        LiveUser user,
        HttpRequestMessage message,
        HttpCompletionOption completion,
        Func<HttpResponseMessage, CancellationToken, Task<string>> readBody,
        CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _timeouts) >= MaxTimeouts)
        {
            // A hung service would make every remaining probe wait its whole timeout; the rows report it instead.
            return Failed(message, message.RequestUri!.PathAndQuery, Time.GetTimestamp(), "not sent: a request of this run already timed out (the service looks hung)");
        }

        if (Interlocked.Increment(ref _requests) > Config.MaxRequests)
        {
            throw new LiveBudgetExhaustedException(Config.MaxRequests);
        }

        if (user.HeaderValue is not null)
        {
            message.Headers.TryAddWithoutValidation(Config.UserHeader!, user.HeaderValue);
        }

        var path = message.RequestUri!.PathAndQuery;
        var start = Time.GetTimestamp();
        using var timeout = new CancellationTokenSource(Config.Timeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        LiveExchange exchange;
        try
        {
            using var response = await Client(user).SendAsync(message, completion, linked.Token);
            var body = await readBody(response, linked.Token);
            exchange = new LiveExchange
            {
                Method = message.Method.Method,
                Path = path,
                Status = (int)response.StatusCode,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                Headers = [.. response.Headers.Concat(response.Content.Headers).Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value)))],
                Body = body,
                Elapsed = Time.GetElapsedTime(start),
            };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _timeouts);
            exchange = Failed(message, path, start, $"timed out after {Config.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            exchange = Failed(message, path, start, Describe(ex));
        }
        catch (IOException ex)
        {
            exchange = Failed(message, path, start, "connection failed: " + ex.Message);
        }

        _exchanges.Enqueue(exchange);
        return exchange;
    }

    private LiveExchange Failed(HttpRequestMessage message, string path, long start, string error) => new()
    {
        Method = message.Method.Method,
        Path = path,
        Error = error,
        Elapsed = Time.GetElapsedTime(start),
    };

    private static string Describe(HttpRequestException ex) => ex.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused (is the service running on this port?)",
        LiveTargetRefusedException refused => refused.Message,
        SocketException socket => $"connection failed: {socket.SocketErrorCode}",
        { } inner => $"request failed: {inner.Message}",
        null => $"request failed: {ex.Message}",
    };

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[MaxBodyChars];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return new string(buffer, 0, read);
    }

    /// <summary>The absolute URL of a probe path; anything that would leave the target's origin is refused.</summary>
    internal Uri Resolve(string path)
    {
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' is not a path on the target.", nameof(path));
        }

        var uri = new Uri(Target.BaseUri, Target.BaseUri.AbsolutePath.TrimEnd('/') + path);
        if (!string.Equals(uri.GetLeftPart(UriPartial.Authority), Target.Origin, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{path}' would leave the target's origin {Target.Origin}.", nameof(path));
        }

        return uri;
    }
}
