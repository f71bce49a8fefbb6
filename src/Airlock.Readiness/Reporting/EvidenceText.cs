using System.Text;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Reporting;

/// <summary>One line per evidence item, the same in every human-readable format.</summary>
public static class EvidenceText
{
    public static string Of(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var text = new StringBuilder();
        if (evidence.Location.Length > 0)
        {
            text.Append(evidence.Location);
        }

        if (evidence.Commit is { } commit)
        {
            text.Append(text.Length > 0 ? " @ " : "commit ").Append(commit.AsSpan(0, Math.Min(12, commit.Length)));
        }

        if (text.Length > 0)
        {
            text.Append(": ");
        }

        text.Append(evidence.Message);
        if (evidence.RuleId is { } rule)
        {
            text.Append(" [").Append(rule).Append(']');
        }

        if (evidence.RedactedValue is { } value)
        {
            text.Append(' ').Append(value);
        }

        return text.ToString();
    }

    /// <summary>
    /// The evidence to list under a row's summary: a summary that already quotes an item
    /// ("Dockerfile:1: runs as root") is not repeated underneath.
    /// </summary>
    public static IEnumerable<Evidence> BeyondSummary(RubricRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Evidence.Where(e => !row.Summary.StartsWith(
            e.Location.Length > 0 ? $"{e.Location}: {e.Message}" : e.Message, StringComparison.Ordinal));
    }
}
