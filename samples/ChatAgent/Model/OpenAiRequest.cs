using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatAgent.Model;

/// <summary>Writes a chat-completions request body (OpenAI's wire format, also spoken by Ollama, vLLM and llama.cpp).</summary>
internal static class OpenAiRequest
{
    public static ByteArrayContent Create(string model, IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream) =>
        ModelHttp.JsonContent(json =>
        {
            json.WriteStartObject();
            json.WriteString("model", options?.ModelId ?? model);
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                WriteMessage(json, message);
            }

            json.WriteEndArray();
            if (options?.MaxOutputTokens is { } max)
            {
                json.WriteNumber("max_tokens", max);
            }

            var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
            if (tools.Count > 0)
            {
                json.WriteStartArray("tools");
                foreach (var tool in tools)
                {
                    json.WriteStartObject();
                    json.WriteString("type", "function");
                    json.WriteStartObject("function");
                    json.WriteString("name", tool.Name);
                    json.WriteString("description", tool.Description);
                    json.WritePropertyName("parameters");
                    tool.JsonSchema.WriteTo(json);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                if (options?.ToolMode is NoneChatToolMode)
                {
                    json.WriteString("tool_choice", "none");
                }
            }

            json.WriteBoolean("stream", stream);
            if (stream)
            {
                // Without this the stream carries no token counts, and cost and budgets would rest on estimates.
                json.WriteStartObject("stream_options");
                json.WriteBoolean("include_usage", true);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        });

    private static void WriteMessage(Utf8JsonWriter json, ChatMessage message)
    {
        if (message.Role == ChatRole.Tool)
        {
            // One wire message per result: the format pairs each with its call by id.
            foreach (var result in message.Contents.OfType<FunctionResultContent>())
            {
                json.WriteStartObject();
                json.WriteString("role", "tool");
                json.WriteString("tool_call_id", result.CallId);
                json.WriteString("content", ModelHttp.ResultText(result));
                json.WriteEndObject();
            }

            return;
        }

        json.WriteStartObject();
        json.WriteString("role", message.Role.Value);
        var calls = message.Contents.OfType<FunctionCallContent>().ToList();
        if (calls.Count > 0 && string.IsNullOrEmpty(message.Text))
        {
            json.WriteNull("content");
        }
        else
        {
            json.WriteString("content", message.Text);
        }

        if (calls.Count > 0)
        {
            json.WriteStartArray("tool_calls");
            foreach (var call in calls)
            {
                json.WriteStartObject();
                json.WriteString("id", call.CallId);
                json.WriteString("type", "function");
                json.WriteStartObject("function");
                json.WriteString("name", call.Name);

                // The wire format carries arguments as a JSON document inside a string.
                using var buffer = new MemoryStream();
                using (var arguments = new Utf8JsonWriter(buffer, ModelHttp.ModelJson))
                {
                    ModelHttp.WriteArguments(arguments, call.Arguments);
                }

                json.WriteString("arguments", System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
