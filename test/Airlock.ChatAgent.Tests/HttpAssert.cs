using System.Net;
using System.Text.Json;

namespace Airlock.ChatAgent.Tests;

internal static class HttpAssert
{
    /// <summary>Asserts an RFC 9457 problem body with the service's own code and returns it parsed.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
