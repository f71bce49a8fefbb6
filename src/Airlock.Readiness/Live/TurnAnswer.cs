using System.Text.Json;

namespace Airlock.Readiness.Live;

/// <summary>What a turn's JSON answer says, read through the configured fields.</summary>
internal sealed record TurnAnswer(LiveExchange Exchange, JsonElement? Json, string? Text)
{
    public static TurnAnswer Read(LiveSession session, LiveExchange exchange)
    {
        var json = exchange.Succeeded ? LiveSession.Json(exchange) : null;
        return new TurnAnswer(exchange, json, LiveText.String(json, session.Config.Turn.AnswerField));
    }

    /// <summary>An answer a user can read: a 2xx with non-empty text in the answer field that is not raw JSON or a stack trace.</summary>
    public bool InWords => Text is { Length: > 0 } text && !LiveText.LooksRaw(text);

    public string? Field(string path) => LiveText.String(Json, path);

    public int? ArrayLength(string path) =>
        Json is { } root && Core.Config.Live.JsonValuePath.Find(root, path) is { ValueKind: JsonValueKind.Array } array ? array.GetArrayLength() : null;
}
