using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatAgent.Tools;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(SearchToolResult))]
internal sealed partial class ToolJsonContext : JsonSerializerContext;
