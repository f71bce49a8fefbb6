using System.Text.Json;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>How live evidence is worded: the request, what came back, and a short body excerpt.</summary>
internal static class LiveText
{
    private const int ExcerptChars = 160;

    public static Evidence Of(LiveExchange exchange, string? note = null) =>
        new(note is null ? exchange.Outcome : $"{exchange.Outcome}: {note}");

    /// <summary>The start of a body on one line, for evidence (bodies of probes never carry the check's own secrets; row 12 looks).</summary>
    public static string Excerpt(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length <= ExcerptChars ? line : line[..ExcerptChars] + "…";
    }

    /// <summary>The first characters of a message, quoted.</summary>
    public static string Quote(string message) => message.Length <= 48 ? $"'{message}'" : $"'{message[..48]}…'";

    /// <summary>What a failed exchange looked like: the error, or the status with the body's start.</summary>
    public static string Describe(LiveExchange exchange) =>
        exchange.Status is null ? exchange.Error ?? "no response" : $"{exchange.Status} {exchange.ContentType ?? "(no content type)"}: {Excerpt(exchange.Body)}";

    public static string? String(JsonElement? root, string path) =>
        root is { } json && Core.Config.Live.JsonValuePath.Find(json, path) is { } value ? Core.Config.Live.JsonValuePath.Text(value) : null;

    /// <summary>True when a text shown to a user looks like raw JSON or a stack trace instead of words.</summary>
    public static bool LooksRaw(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[') || text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception:", StringComparison.Ordinal);
    }
}
