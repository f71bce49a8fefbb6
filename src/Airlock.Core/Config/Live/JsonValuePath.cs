using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Airlock.Core.Config.Live;

/// <summary>
/// The simple JSON paths probes use: property names joined by dots, array indexes in brackets, and a final
/// <c>length</c> on an array (<c>citations.length</c>, <c>items[0].id</c>). Nothing more: no wildcards or filters.
/// </summary>
public static partial class JsonValuePath
{
    public const string Hint = "write names joined by dots with optional [n] indexes, e.g. timestamp.local or citations[0].source";

    public static bool IsValid(string path) => path.Length > 0 && Syntax().IsMatch(path);

    /// <summary>The value at <paramref name="path"/>, or null when any step is missing.</summary>
    public static JsonElement? Find(JsonElement root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = root;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name == "length" && current.ValueKind == JsonValueKind.Array && bracket < 0)
            {
                using var document = JsonDocument.Parse(current.GetArrayLength().ToString(CultureInfo.InvariantCulture));
                return document.RootElement.Clone();
            }

            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }

            foreach (Match index in Index().Matches(bracket < 0 ? string.Empty : segment[bracket..]))
            {
                var i = int.Parse(index.Groups[1].Value, CultureInfo.InvariantCulture);
                if (current.ValueKind != JsonValueKind.Array || i >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[i];
            }
        }

        return current;
    }

    /// <summary>A value as the text an expectation compares with: strings bare, numbers and literals as written.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    [GeneratedRegex(@"^[A-Za-z_$][\w$-]*(\[\d+\])*(\.[A-Za-z_$][\w$-]*(\[\d+\])*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();

    [GeneratedRegex(@"\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Index();
}
