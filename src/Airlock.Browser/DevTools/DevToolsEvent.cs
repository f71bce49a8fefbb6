using System.Text.Json;

namespace Airlock.Browser.DevTools;

/// <summary>One protocol event; <paramref name="SessionId"/> is null for browser-level events.</summary>
internal sealed record DevToolsEvent(string Method, JsonElement Params, string? SessionId);
