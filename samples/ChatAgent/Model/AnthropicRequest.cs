using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatAgent.Model;

/// <summary>
/// Writes an Anthropic Messages request. The system prompt is a separate field marked with <c>cache_control</c>, so the
/// long static prefix (tools, then system) is cached across turns; messages alternate user/assistant, tool results
/// travel as <c>tool_result</c> blocks of a user message.
/// </summary>
internal static class AnthropicRequest
{
    public static ByteArrayContent Create(string model, int defaultMaxTokens, IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        ModelHttp.JsonContent(json =>
        {
            var all = messages.ToList();
            json.WriteStartObject();
            json.WriteString("model", options?.ModelId ?? model);

            // Required by the API, unlike OpenAI's.
            json.WriteNumber("max_tokens", options?.MaxOutputTokens ?? defaultMaxTokens);
            var system = string.Join("\n\n", all.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
            if (system.Length > 0)
            {
                json.WriteStartArray("system");
                json.WriteStartObject();
                json.WriteString("type", "text");
                json.WriteString("text", system);
                json.WriteStartObject("cache_control");
                json.WriteString("type", "ephemeral");
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartArray("messages");
            foreach (var (role, contents) in Alternating(all.Where(m => m.Role != ChatRole.System)))
            {
                json.WriteStartObject();
                json.WriteString("role", role);
                json.WriteStartArray("content");
                foreach (var content in contents)
                {
                    WriteBlock(json, content);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
            if (tools.Count > 0)
            {
                json.WriteStartArray("tools");
                foreach (var tool in tools)
                {
                    json.WriteStartObject();
                    json.WriteString("name", tool.Name);
                    json.WriteString("description", tool.Description);
                    json.WritePropertyName("input_schema");
                    tool.JsonSchema.WriteTo(json);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                if (options?.ToolMode is NoneChatToolMode)
                {
                    json.WriteStartObject("tool_choice");
                    json.WriteString("type", "none");
                    json.WriteEndObject();
                }
            }

            json.WriteBoolean("stream", true);
            json.WriteEndObject();
        });

    // The API rejects two messages of one role in a row; tool results are user content. Adjacent ones are merged.
    private static List<(string Role, List<AIContent> Contents)> Alternating(IEnumerable<ChatMessage> messages)
    {
        var merged = new List<(string Role, List<AIContent> Contents)>();
        foreach (var message in messages)
        {
            var role = message.Role == ChatRole.Assistant ? "assistant" : "user";
            var contents = message.Contents.Where(c => c is TextContent { Text.Length: > 0 } or FunctionCallContent or FunctionResultContent).ToList();
            if (contents.Count == 0)
            {
                continue;
            }

            if (merged.Count > 0 && merged[^1].Role == role)
            {
                merged[^1].Contents.AddRange(contents);
            }
            else
            {
                merged.Add((role, contents));
            }
        }

        return merged;
    }

    private static void WriteBlock(Utf8JsonWriter json, AIContent content)
    {
        json.WriteStartObject();
        switch (content)
        {
            case TextContent text:
                json.WriteString("type", "text");
                json.WriteString("text", text.Text);
                break;
            case FunctionCallContent call:
                json.WriteString("type", "tool_use");
                json.WriteString("id", call.CallId);
                json.WriteString("name", call.Name);
                json.WritePropertyName("input");
                ModelHttp.WriteArguments(json, call.Arguments);
                break;
            case FunctionResultContent result:
                json.WriteString("type", "tool_result");
                json.WriteString("tool_use_id", result.CallId);
                json.WriteString("content", ModelHttp.ResultText(result));
                break;
        }

        json.WriteEndObject();
    }
}
