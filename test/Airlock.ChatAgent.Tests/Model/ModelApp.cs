using System.Text.Json;
using Airlock.ChatAgent.Tests.Fakes;

namespace Airlock.ChatAgent.Tests.Model;

/// <summary>Settings that point the agent at the fake model server, and small helpers for the model-mode tests.</summary>
internal static class ModelApp
{
    public const string ApiKey = "sk-live-0123456789abcdef";

    public static Dictionary<string, string?> OpenAi(TestKnowledgeBase kb, FakeModelServer server, params (string Key, string? Value)[] extra) =>
        kb.Settings([("Model:Provider", "openai"), ("Model:BaseUrl", server.OpenAiBaseUrl), ("Model:Name", "fake-model"), ("Model:ApiKey", ApiKey), ("Agent:Revision", "test"), .. extra]);

    public static Dictionary<string, string?> Anthropic(TestKnowledgeBase kb, FakeModelServer server, params (string Key, string? Value)[] extra) =>
        kb.Settings([("Model:Provider", "anthropic"), ("Model:BaseUrl", server.AnthropicBaseUrl), ("Model:Name", "claude-fake"), ("Model:ApiKey", ApiKey), ("Agent:Revision", "test"), .. extra]);

    public static HttpRequestMessage Stream(string message, string? conversationId = null) =>
        new(HttpMethod.Post, "/agent/run") { Content = HttpAssert.Json(JsonSerializer.Serialize(new { message, conversationId, stream = true })) };

    public static async Task<JsonElement> AskAsync(HttpClient client, string message, string? conversationId = null)
    {
        using var response = await client.PostAsync("/agent/run", HttpAssert.Json(JsonSerializer.Serialize(new { message, conversationId })));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string Data(ServerSentEvent e, string property) => JsonDocument.Parse(e.Data!).RootElement.GetProperty(property).GetString()!;

    /// <summary>The messages of a recorded chat-completions request, as (role, content or tool-call text).</summary>
    public static List<(string Role, string Text)> Messages(RecordedModelRequest request) =>
        [.. request.Body.GetProperty("messages").EnumerateArray().Select(m => (
            m.GetProperty("role").GetString()!,
            m.TryGetProperty("tool_calls", out var calls) ? calls.GetRawText()
            : m.GetProperty("content").ValueKind == JsonValueKind.String ? m.GetProperty("content").GetString()! : ""))];
}
