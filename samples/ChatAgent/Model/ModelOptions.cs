using ChatAgent.Options;

namespace ChatAgent.Model;

/// <summary>
/// Which model answers, and how much of it a turn may use. With no provider, or a provider without the key or URL it
/// needs, the agent answers from its knowledge base only: it starts on a fresh machine with no configuration at all.
/// </summary>
internal sealed class ModelOptions : IValidatableOptions
{
    public const string OpenAiDefaultBaseUrl = "https://api.openai.com/v1";
    public const string AnthropicDefaultBaseUrl = "https://api.anthropic.com";

    public static string SectionName => "Model";

    /// <summary><c>none</c> (default), <c>openai</c> (any OpenAI-compatible endpoint) or <c>anthropic</c>.</summary>
    public string Provider { get; set; } = ModelProviders.None;

    /// <summary>For <c>openai</c> the URL that <c>/chat/completions</c> is appended to (Ollama: <c>http://127.0.0.1:11434/v1</c>); for <c>anthropic</c> the host.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The model id sent to the provider; also the key of its price in <see cref="Prices"/>.</summary>
    public string? Name { get; set; }

    /// <summary>Never logged or shown: readiness shows a prefix and a hash only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model's context window; the conversation history is trimmed to fit it minus <see cref="MaxOutputTokens"/>.</summary>
    public int ContextWindowTokens { get; set; } = 8192;

    /// <summary>Longest answer the model may write; reserved out of the context window.</summary>
    public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>Conversations kept in memory; past it the one idle longest is forgotten.</summary>
    public int MaxConversations { get; set; } = 1000;

    /// <summary>A conversation idle this long is forgotten.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Prices by model id, e.g. <c>Model:Prices:gpt-4o-mini:InputPerMillion=0.15</c>.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.Ordinal);

    public string NormalizedProvider => string.IsNullOrWhiteSpace(Provider) ? ModelProviders.None : Provider.Trim().ToLowerInvariant();

    public IEnumerable<string> Validate()
    {
        if (!ModelProviders.All.Contains(NormalizedProvider))
        {
            yield return $"{SectionName}:Provider '{Provider}' is not known; use one of: {string.Join(", ", ModelProviders.All)}.";
        }

        if (NormalizedProvider != ModelProviders.None && string.IsNullOrWhiteSpace(Name))
        {
            yield return $"{SectionName}:Name is required with {SectionName}:Provider={NormalizedProvider} (the model id, e.g. gpt-4o-mini, llama3.1, claude-sonnet-4-5).";
        }

        if (BaseUrl is not null && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return $"{SectionName}:BaseUrl must be an absolute http or https URL (got '{BaseUrl}').";
        }

        if (ContextWindowTokens is < 512 or > 10_000_000)
        {
            yield return $"{SectionName}:ContextWindowTokens must be between 512 and 10000000 (got {ContextWindowTokens}).";
        }

        if (MaxOutputTokens < 16 || MaxOutputTokens > ContextWindowTokens / 2)
        {
            yield return $"{SectionName}:MaxOutputTokens must be between 16 and half of ContextWindowTokens ({ContextWindowTokens / 2}) (got {MaxOutputTokens}).";
        }

        if (MaxConversations is < 1 or > 1_000_000)
        {
            yield return $"{SectionName}:MaxConversations must be between 1 and 1000000 (got {MaxConversations}).";
        }

        if (ConversationIdleTimeout < TimeSpan.FromSeconds(1) || ConversationIdleTimeout > TimeSpan.FromDays(1))
        {
            yield return $"{SectionName}:ConversationIdleTimeout must be between 00:00:01 and 1.00:00:00 (got {ConversationIdleTimeout}).";
        }

        foreach (var (model, price) in Prices)
        {
            if (price.InputPerMillion < 0 || price.OutputPerMillion < 0)
            {
                yield return $"{SectionName}:Prices:{model} must not be negative (got input {price.InputPerMillion}, output {price.OutputPerMillion}).";
            }
        }
    }

    /// <summary>Why a configured provider cannot be used (so the agent answers from its knowledge base), or null.</summary>
    public string? MissingCredential() => NormalizedProvider switch
    {
        ModelProviders.None => null,
        ModelProviders.OpenAi when string.IsNullOrWhiteSpace(ApiKey) && BaseUrl is null =>
            $"{SectionName}:Provider is openai but neither {SectionName}:ApiKey nor {SectionName}:BaseUrl is set",
        ModelProviders.OpenAi => null,
        ModelProviders.Anthropic when string.IsNullOrWhiteSpace(ApiKey) =>
            $"{SectionName}:Provider is anthropic but {SectionName}:ApiKey is not set",
        ModelProviders.Anthropic => null,
        _ => $"{SectionName}:Provider '{Provider}' is not known",
    };

    /// <summary>True when a model answers: a known provider with what it needs.</summary>
    public bool Enabled => NormalizedProvider != ModelProviders.None && MissingCredential() is null;

    /// <summary>
    /// The price of <see cref="Name"/>. Configuration keys cannot hold ':', which Ollama tags use ("llama3.1:8b"), so
    /// such a model's price is also found under its name with '_' for ':' (<c>Model:Prices:llama3.1_8b</c>).
    /// </summary>
    public ModelPrice? Price => Name is null ? null
        : Prices.TryGetValue(Name, out var price) ? price
        : Prices.TryGetValue(Name.Replace(':', '_'), out var underscored) ? underscored
        : null;

    /// <summary>The endpoint without user info, query or fragment, which can carry credentials: safe to show.</summary>
    public string DisplayBaseUrl
    {
        get
        {
            var url = BaseUrl ?? (NormalizedProvider == ModelProviders.Anthropic ? AnthropicDefaultBaseUrl : OpenAiDefaultBaseUrl);
            return Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
                : "(invalid)";
        }
    }
}
