namespace ChatAgent.Model;

/// <summary>The values <c>Model:Provider</c> accepts; every one has a client, anything else fails startup.</summary>
internal static class ModelProviders
{
    /// <summary>No model: knowledge-base-only mode (also what an empty value means).</summary>
    public const string None = "none";

    /// <summary>An OpenAI-compatible chat-completions endpoint: OpenAI, Ollama, vLLM, llama.cpp's server and the like.</summary>
    public const string OpenAi = "openai";

    /// <summary>Anthropic's Messages API.</summary>
    public const string Anthropic = "anthropic";

    public static IReadOnlyList<string> All { get; } = [None, OpenAi, Anthropic];
}
