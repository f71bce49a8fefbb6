using System.Text.Json;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Reporting;

/// <summary>
/// The rubric as JSON for scripts (<c>airlock check --format json | jq</c>). The shape is documented in
/// docs/check.md and only grows: fields are never renamed or removed within a major version.
/// </summary>
internal sealed class JsonRubricWriter : IRubricWriter
{
    public const int SchemaVersion = 1;

    public string Format => "json";

    public void Write(RubricReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(JsonDocuments.Render(json => WriteReport(json, report)));
        writer.WriteLine();
    }

    private static void WriteReport(Utf8JsonWriter json, RubricReport report)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("tool", "airlock");
        json.WriteString("version", report.ToolVersion);
        json.WriteString("repository", report.Repository);
        json.WriteString("commit", report.Commit);
        json.WriteString("branch", report.Branch);
        json.WriteString("startedAt", report.StartedAt);
        json.WriteNumber("durationMs", Math.Round(report.Duration.TotalMilliseconds));
        WriteSummary(json, report.Summary);
        json.WriteStartArray("rows");
        foreach (var row in report.Rows)
        {
            WriteRow(json, row);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, RubricSummary summary)
    {
        json.WriteStartObject("summary");
        json.WriteBoolean("launchBlocked", summary.Fails(Severity.BlocksLaunch));
        json.WriteString("text", summary.Describe());
        foreach (var severity in Enum.GetValues<Severity>())
        {
            json.WriteStartObject(severity.Key());
            foreach (var result in Enum.GetValues<CheckResult>())
            {
                json.WriteNumber(result.Key(), summary.Count(severity, result));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, RubricRow row)
    {
        json.WriteStartObject();
        json.WriteString("id", row.Id);
        json.WriteString("check", row.CheckId);
        json.WriteString("failureMode", row.FailureMode);
        json.WriteString("test", row.Test);
        json.WriteString("severity", row.Severity.Key());
        json.WriteString("result", row.Result.Key());
        json.WriteString("summary", row.Summary);
        json.WriteString("owner", row.Owner);
        json.WriteString("step", row.Step.Key());
        json.WriteString("fix", row.Fix);
        json.WriteStartArray("evidence");
        foreach (var evidence in row.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("message", evidence.Message);
            WriteOptional(json, "file", evidence.File);
            if (evidence.Line is { } line)
            {
                json.WriteNumber("line", line);
            }

            WriteOptional(json, "commit", evidence.Commit);
            WriteOptional(json, "ruleId", evidence.RuleId);
            WriteOptional(json, "redactedValue", evidence.RedactedValue);
            WriteOptional(json, "fingerprint", evidence.Fingerprint);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
