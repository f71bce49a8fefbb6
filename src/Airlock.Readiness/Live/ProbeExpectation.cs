using Airlock.Core.Config.Live;

namespace Airlock.Readiness.Live;

/// <summary>Compares a response with a declarative expectation; each mismatch is one line of evidence.</summary>
internal static class ProbeExpectation
{
    public static IReadOnlyList<string> Mismatches(LiveExchange exchange, LiveExpectConfig expect)
    {
        if (exchange.Status is null)
        {
            return [exchange.Error ?? "no response"];
        }

        var problems = new List<string>();
        if (exchange.Status != expect.Status)
        {
            problems.Add($"status {exchange.Status}, expected {expect.Status} (body: {LiveText.Excerpt(exchange.Body)})");
        }

        if (expect.BodyContains is { } fragment && !exchange.Body.Contains(fragment, StringComparison.Ordinal))
        {
            problems.Add($"the body does not contain '{fragment}'");
        }

        if (expect.Json.IsEmpty)
        {
            return problems;
        }

        if (LiveSession.Json(exchange) is not { } root)
        {
            problems.Add($"the body is not JSON ({exchange.ContentType ?? "no content type"}: {LiveText.Excerpt(exchange.Body)})");
            return problems;
        }

        foreach (var (path, expected) in expect.Json.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var actual = JsonValuePath.Find(root, path) is { } value ? JsonValuePath.Text(value) : null;
            if (actual is null)
            {
                problems.Add($"no '{path}' in the JSON body");
            }
            else if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                problems.Add($"'{path}' is '{LiveText.Excerpt(actual)}', expected '{expected}'");
            }
        }

        return problems;
    }

    /// <summary>"→ 400, JSON code = agent.malformed_body" for a row's Test text.</summary>
    public static string Describe(LiveExpectConfig expect)
    {
        var parts = new List<string> { $"status {expect.Status}" };
        if (expect.BodyContains is { } fragment)
        {
            parts.Add($"body contains '{fragment}'");
        }

        parts.AddRange(expect.Json.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"JSON {p.Key} = {p.Value}"));
        return string.Join(", ", parts);
    }
}
