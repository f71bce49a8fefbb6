using System.Net;
using System.Text.Json;

namespace Airlock.Cli.Rollouts;

/// <summary>serve answered with an error status; the problem body's title and hint are shown.</summary>
internal sealed class ServeRefusedException(HttpStatusCode status, JsonElement problem)
    : Exception(problem.TryGetProperty("title", out var title) ? title.GetString() : $"airlock serve answered {(int)status}")
{
    public HttpStatusCode Status { get; } = status;

    public string? Hint { get; } = problem.TryGetProperty("hint", out var hint) ? hint.GetString() : null;
}
