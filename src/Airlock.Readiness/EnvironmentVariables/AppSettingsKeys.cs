using System.Text.Json;

namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// Flattens an appsettings JSON file into IConfiguration keys (<c>ConnectionStrings:Db</c>, arrays as
/// <c>Hosts:0</c>), reading it the way the JSON configuration provider does: comments and trailing commas allowed.
/// </summary>
internal static class AppSettingsKeys
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The leaf keys, or throws <see cref="JsonException"/> for a file the app would fail to load.</summary>
    public static IReadOnlyList<string> Read(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"the top level is a {document.RootElement.ValueKind}, not an object");
        }

        var keys = new List<string>();
        Flatten(document.RootElement, null, keys);
        return keys;
    }

    private static void Flatten(JsonElement element, string? prefix, List<string> keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", keys);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++}", keys);
                }

                break;
            case JsonValueKind.String:
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
            case JsonValueKind.Null:
                if (prefix is not null)
                {
                    keys.Add(prefix);
                }

                break;
            case JsonValueKind.Undefined:
            default:
                break;
        }
    }
}
