using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Routing;

/// <summary>
/// HTTP to the proxy's admin API (docs/proxy.md) with its bearer token, which is read from the proxy's token file
/// and never logged or put in an error. Transport failures (refused, reset, timed out) are retried with the bounded
/// backoff; answers, even errors, are returned as they are.
/// </summary>
internal sealed partial class ProxyAdminClient(HttpClient http, ProxyAdminOptions options, TimeProvider time, ILogger logger)
{
    private string? _token;

    public ProxyAdminOptions Options { get; } = options;

    /// <summary>GETs <paramref name="pathAndQuery"/>, retrying transport failures.</summary>
    public Task<ProxyAdminResponse> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendWithRetriesAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(Options.Admin, pathAndQuery)), cancellationToken);

    /// <summary>One PUT attempt; the caller decides whether a lost answer may be retried (it may have been applied).</summary>
    public Task<ProxyAdminResponse> PutOnceAsync(string pathAndQuery, string body, string ifMatch, CancellationToken cancellationToken) =>
        SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Options.Admin, pathAndQuery))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/yaml"),
            };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return request;
        }, cancellationToken);

    /// <summary>Waits the backoff for <paramref name="attempt"/>; false when the attempts are used up.</summary>
    public async Task<bool> BackOffAsync(int attempt, Exception failure, CancellationToken cancellationToken)
    {
        if (attempt >= Options.Backoff.Count)
        {
            return false;
        }

        Log.Retrying(logger, Options.Admin, attempt + 1, failure.Message);
        await Task.Delay(Options.Backoff[attempt], time, cancellationToken);
        return true;
    }

    /// <summary>True for failures of the connection or the request's own timeout, not the caller's cancellation.</summary>
    public static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<ProxyAdminResponse> SendWithRetriesAsync(Func<HttpRequestMessage> make, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await SendAsync(make, cancellationToken);
            }
            catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
            {
                if (!await BackOffAsync(attempt, ex, cancellationToken))
                {
                    throw new RouterException($"the proxy admin API at {Options.Admin} did not answer after {attempt + 1} attempts: {ex.Message}", ex) { Code = "unreachable" };
                }
            }
        }
    }

    private async Task<ProxyAdminResponse> SendAsync(Func<HttpRequestMessage> make, CancellationToken cancellationToken)
    {
        var response = await SendAuthorizedAsync(make, refreshToken: false, cancellationToken);
        if (response.Status == HttpStatusCode.Unauthorized)
        {
            // The proxy may have been restarted with a new token file since it was read.
            response = await SendAuthorizedAsync(make, refreshToken: true, cancellationToken);
            if (response.Status == HttpStatusCode.Unauthorized)
            {
                throw new RouterException($"the proxy admin API at {Options.Admin} refused the token in {Options.TokenFile} (401).") { Code = "unauthorized" };
            }
        }

        return response;
    }

    private async Task<ProxyAdminResponse> SendAuthorizedAsync(Func<HttpRequestMessage> make, bool refreshToken, CancellationToken cancellationToken)
    {
        using var request = make();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(refreshToken));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        using var response = await http.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        JsonElement body;
        try
        {
            body = string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new RouterException($"the proxy admin API at {Options.Admin} answered {(int)response.StatusCode} with a body that is not JSON: {ex.Message}", ex) { Code = "bad_answer" };
        }

        return new ProxyAdminResponse(response.StatusCode, body);
    }

    private string Token(bool refresh)
    {
        if (_token is not null && !refresh)
        {
            return _token;
        }

        try
        {
            var token = File.ReadAllText(Options.TokenFile).Trim();
            if (token.Length == 0)
            {
                throw new RouterException($"the proxy admin token file {Options.TokenFile} is empty.") { Code = "unauthorized" };
            }

            return _token = token;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // No token yet: no proxy has ever started with this state folder (it creates the token on first start).
            throw new RouterException($"no proxy admin token at {Options.TokenFile}: no `airlock proxy --admin` has started with this state folder yet", ex) { Code = "no_token" };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RouterException($"cannot read the proxy admin token file {Options.TokenFile}: {ex.Message} (is `airlock proxy --admin` running with this state folder?)", ex) { Code = "unauthorized" };
        }
    }
}
