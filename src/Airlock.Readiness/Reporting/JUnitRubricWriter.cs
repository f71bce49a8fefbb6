using System.Globalization;
using System.Text;
using System.Xml;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Reporting;

/// <summary>
/// JUnit XML (the Jenkins/GitLab/Azure DevOps dialect): one test suite per severity tier, one test case per
/// row; failed rows are failures, skipped rows skipped, warnings pass with their evidence in system-out.
/// </summary>
internal sealed class JUnitRubricWriter : IRubricWriter
{
    public string Format => "junit";

    public void Write(RubricReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var buffer = new StringWriterUtf8();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "airlock check");
            WriteCounts(xml, report.Rows);
            xml.WriteAttributeString("time", Seconds(report.Duration));
            foreach (var tier in report.Rows.GroupBy(r => r.Severity).OrderBy(g => g.Key))
            {
                WriteSuite(xml, tier.Key, [.. tier], report);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.WriteLine(buffer.ToString());
    }

    private static void WriteSuite(XmlWriter xml, Severity severity, List<RubricRow> rows, RubricReport report)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", severity.Display());
        WriteCounts(xml, rows);
        xml.WriteAttributeString("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        foreach (var row in rows)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", "airlock." + row.CheckId);
            xml.WriteAttributeString("name", $"{row.Id}: {row.FailureMode}");
            xml.WriteAttributeString("time", "0");
            var details = Details(row);
            switch (row.Result)
            {
                case CheckResult.Fail:
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", row.Summary);
                    xml.WriteAttributeString("type", severity.Key());
                    xml.WriteString(details);
                    xml.WriteEndElement();
                    break;
                case CheckResult.Skipped:
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", row.Summary);
                    xml.WriteEndElement();
                    break;
                case CheckResult.Pass:
                case CheckResult.Warn:
                    xml.WriteElementString("system-out", details);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown result {row.Result}.");
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<RubricRow> rows)
    {
        xml.WriteAttributeString("tests", rows.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", rows.Count(r => r.Result == CheckResult.Fail).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", rows.Count(r => r.Result == CheckResult.Skipped).ToString(CultureInfo.InvariantCulture));
    }

    private static string Details(RubricRow row)
    {
        var text = new StringBuilder();
        text.Append("Result: ").AppendLine(row.Result.Key());
        text.Append("Summary: ").AppendLine(row.Summary);
        text.Append("Test: ").AppendLine(row.Test);
        text.Append("Owner: ").AppendLine(row.Owner);
        text.Append("Countdown step: ").AppendLine(row.Step.Display());
        foreach (var evidence in row.Evidence)
        {
            text.Append("Evidence: ").AppendLine(EvidenceText.Of(evidence));
        }

        text.Append("Fix: ").AppendLine(row.Fix);
        return text.ToString();
    }

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A StringWriter that declares UTF-8, so the XML declaration says encoding="utf-8".</summary>
    private sealed class StringWriterUtf8 : StringWriter
    {
        public StringWriterUtf8()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
