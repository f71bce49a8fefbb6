using Airlock.Readiness.Redaction;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>
/// Replaces every known secret value (row 12's values, the canary) wherever a row quotes a response: a service that
/// leaks a key must not make the rubric leak it again.
/// </summary>
internal static class LiveRedaction
{
    public static IReadOnlyList<RubricRow> Scrub(IReadOnlyList<RubricRow> rows, IEnumerable<string> secrets)
    {
        var values = secrets.Where(s => s.Length >= SecretsInResponsesRow.MinimumLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToList();
        if (values.Count == 0)
        {
            return rows;
        }

        return [.. rows.Select(row => row with
        {
            Summary = Scrub(row.Summary, values),
            Test = Scrub(row.Test, values),
            Evidence = [.. row.Evidence.Select(e => e with { Message = Scrub(e.Message, values) })],
        })];
    }

    private static string Scrub(string text, List<string> values)
    {
        foreach (var value in values)
        {
            text = text.Replace(value, SecretRedactor.Redact(value), StringComparison.Ordinal);
        }

        return text;
    }
}
