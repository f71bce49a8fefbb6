using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatAgent.Agent;

// Unknown request fields are errors, so a client cannot smuggle in a "systemPrompt" and believe it was honoured.
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentRequest))]
[JsonSerializable(typeof(AgentAnswer))]
[JsonSerializable(typeof(StreamStarted))]
[JsonSerializable(typeof(StreamDelta))]
[JsonSerializable(typeof(StreamError))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
