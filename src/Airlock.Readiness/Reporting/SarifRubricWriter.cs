using System.Text.Json;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Reporting;

/// <summary>
/// SARIF 2.1.0 for code-scanning UIs (GitHub code scanning among them): one reporting rule per rubric
/// row, one result per piece of evidence of a failed or warning row. Results carry a repository-relative
/// location (GitHub rejects results without one) and the finding's fingerprint.
/// </summary>
internal sealed class SarifRubricWriter : IRubricWriter
{
    public const string InformationUri = "https://github.com/airlock-dev/airlock";

    private static readonly string[] FallbackFiles = ["airlock.yaml", "README.md", ".gitignore"];

    public string Format => "sarif";

    public void Write(RubricReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(JsonDocuments.Render(json => WriteLog(json, report)));
        writer.WriteLine();
    }

    private static void WriteLog(Utf8JsonWriter json, RubricReport report)
    {
        var rules = report.Rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, report, rules);
        json.WriteStartObject("automationDetails");
        json.WriteString("id", "airlock/check/");
        json.WriteEndObject();
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("%SRCROOT%");
        json.WriteString("uri", new Uri(report.Repository.TrimEnd('/') + "/").AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        if (report.Commit is not null)
        {
            json.WriteStartArray("versionControlProvenance");
            json.WriteStartObject();
            json.WriteString("repositoryUri", new Uri(report.Repository).AbsoluteUri);
            json.WriteString("revisionId", report.Commit);
            json.WriteStartObject("mappedTo");
            json.WriteString("uriBaseId", "%SRCROOT%");
            json.WriteEndObject();
            if (report.Branch is not null)
            {
                json.WriteString("branch", report.Branch);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartArray("results");
        foreach (var row in report.Rows.Where(r => r.Result is CheckResult.Fail or CheckResult.Warn))
        {
            WriteResults(json, row, rules.IndexOf(row.Id), report.Repository);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json, RubricReport report, List<string> ruleIds)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "airlock");
        json.WriteString("version", report.ToolVersion);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            var row = report.Rows.First(r => r.Id == id);
            json.WriteStartObject();
            json.WriteString("id", row.Id);
            json.WriteString("name", RuleName(row.Id));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", row.FailureMode);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", $"{row.FailureMode}. Test: {row.Test}");
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", row.Fix);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(row.Severity, CheckResult.Fail));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue(row.CheckId);
            json.WriteStringValue(row.Severity.Key());
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter json, RubricRow row, int ruleIndex, string repository)
    {
        var items = row.Evidence.IsEmpty ? [new Evidence(row.Summary)] : row.Evidence;
        foreach (var evidence in items)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", row.Id);
            json.WriteNumber("ruleIndex", ruleIndex);
            json.WriteString("level", Level(row.Severity, row.Result));
            json.WriteStartObject("message");
            json.WriteString("text", $"{row.FailureMode}: {EvidenceText.Of(evidence with { File = null, Line = null })}. Fix: {row.Fix}");
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", RelativeUri(evidence.File ?? FallbackFile(repository)));
            json.WriteString("uriBaseId", "%SRCROOT%");
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, evidence.Line ?? 1));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString("airlockFingerprint/v1", evidence.Fingerprint ?? $"{row.Id}:{evidence.File}:{evidence.Message}");
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }

    /// <summary>A row about the repository as a whole (branch, missing lock file) points at a file every repository has.</summary>
    private static string FallbackFile(string repository) =>
        FallbackFiles.FirstOrDefault(f => File.Exists(Path.Combine(repository, f))) ?? "airlock.yaml";

    /// <summary>SARIF wants a readable name distinct from the opaque id: secrets.history becomes SecretsHistory.</summary>
    private static string RuleName(string id) =>
        string.Concat(id.Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string RelativeUri(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string Level(Severity severity, CheckResult result) => (result, severity) switch
    {
        (CheckResult.Warn, _) => "note",
        (_, Severity.BlocksLaunch) => "error",
        (_, Severity.DegradesIt) => "warning",
        _ => "note",
    };
}
