using System.Net;
using System.Text.Json;

namespace Airlock.Rollouts.Routing;

/// <summary>An admin API answer: its status and JSON body (a problem body carries <c>code</c> and <c>title</c>).</summary>
internal sealed record ProxyAdminResponse(HttpStatusCode Status, JsonElement Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public string? ProblemCode => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>The problem's title and, for an invalid table, every error with its line.</summary>
    public string Describe()
    {
        if (Body.ValueKind != JsonValueKind.Object)
        {
            return $"HTTP {(int)Status}";
        }

        var title = Body.TryGetProperty("title", out var t) ? t.GetString() : null;
        var text = $"{ProblemCode ?? $"HTTP {(int)Status}"}: {title}";
        if (Body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            text += string.Concat(errors.EnumerateArray().Select(e =>
                $" [line {e.GetProperty("line")}: {e.GetProperty("message").GetString()}]"));
        }

        return text;
    }
}
