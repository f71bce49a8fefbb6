using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Airlock.Cli.Rollouts;

/// <summary>The client verbs' one way to talk to <c>airlock serve</c>: JSON in, JSON out, the token read from its file.</summary>
internal sealed class ServeClient(ServeEndpoint endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint.Url, Timeout = TimeSpan.FromSeconds(30) };

    public Uri Url => endpoint.Url;

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path, null, authorize: false, cancellationToken);
        return status == HttpStatusCode.OK ? body : throw new ServeRefusedException(status, body);
    }

    /// <summary>POSTs with the token; 2xx and 409 (refused, with the reason) both come back to the caller.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body, CancellationToken cancellationToken)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, path, body, authorize: true, cancellationToken);
        return (int)status is >= 200 and < 300 || status == HttpStatusCode.Conflict ? (status, answer) : throw new ServeRefusedException(status, answer);
    }

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode, JsonElement)> SendAsync(HttpMethod method, string path, object? body, bool authorize, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authorize)
        {
            if (!File.Exists(endpoint.TokenFile))
            {
                throw new ServeUnavailableException($"no token at {endpoint.TokenFile}: 'airlock serve' creates it on its first start");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(endpoint.TokenFile, cancellationToken)).Trim());
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return (response.StatusCode, document.RootElement.Clone());
        }
        catch (HttpRequestException ex)
        {
            throw new ServeUnavailableException($"airlock serve is not answering at {endpoint.Url} ({ex.Message})", ex);
        }
        catch (JsonException ex)
        {
            throw new ServeUnavailableException($"{endpoint.Url} answered something that is not airlock serve's JSON", ex);
        }
    }
}
