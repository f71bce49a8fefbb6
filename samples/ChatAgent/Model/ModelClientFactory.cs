using ChatAgent.Faults;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatAgent.Model;

/// <summary>Builds the configured provider's client, or none in knowledge-base-only mode. Owns the one HttpClient they share.</summary>
internal sealed class ModelClientFactory(IOptions<ModelOptions> options, IOptions<FaultOptions> faults, TimeProvider time) : IDisposable
{
    private HttpClient? _http;

    public IChatClient? Create()
    {
        var model = options.Value;
        if (!model.Enabled)
        {
            return null;
        }

        _http ??= CreateHttpClient(faults.Value.UpstreamGarbage);
        var name = model.Name!;
        return model.NormalizedProvider switch
        {
            ModelProviders.OpenAi => new OpenAiChatClient(_http, new Uri(model.BaseUrl ?? ModelOptions.OpenAiDefaultBaseUrl), name, model.ApiKey, time),
            ModelProviders.Anthropic => new AnthropicChatClient(_http, new Uri(model.BaseUrl ?? ModelOptions.AnthropicDefaultBaseUrl), name, model.ApiKey!, model.MaxOutputTokens, time),
            _ => throw new InvalidOperationException($"Model:Provider '{model.Provider}' has no client."),
        };
    }

    private static HttpClient CreateHttpClient(bool upstreamGarbage)
    {
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            // DNS changes (a provider's failover) are picked up without restarting.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        if (upstreamGarbage)
        {
            handler = new UpstreamGarbageHandler { InnerHandler = handler };
        }

        // No HttpClient timeout: Agent:TurnTimeout (on the injected clock) and the client leaving cancel the call.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose() => _http?.Dispose();
}
