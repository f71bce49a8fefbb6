using System.Globalization;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Reporting;

/// <summary>The rubric as a Markdown document a team can paste into a launch review and sign off.</summary>
internal sealed class MarkdownRubricWriter : IRubricWriter
{
    private const int MaxEvidencePerRow = 10;

    public string Format => "markdown";

    public void Write(RubricReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("# Deploy-readiness rubric");
        writer.WriteLine();
        writer.WriteLine(FormattableString.Invariant($"- Repository: `{report.Repository}`"));
        writer.WriteLine(FormattableString.Invariant($"- Commit: `{report.Commit ?? "(none)"}` on `{report.Branch ?? "(detached)"}`"));
        writer.WriteLine(FormattableString.Invariant($"- Checked: {report.StartedAt:yyyy-MM-dd HH:mm:ss} UTC by airlock {report.ToolVersion} in {report.Duration.TotalSeconds:0.0} s"));
        writer.WriteLine(FormattableString.Invariant($"- Summary: {report.Summary.Describe()}"));
        writer.WriteLine();
        writer.WriteLine("| Result | Severity | Failure mode | Test run | Owner | Countdown step | Evidence | Fix |");
        writer.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var row in report.Rows)
        {
            var beyond = EvidenceText.BeyondSummary(row).ToList();
            var evidence = beyond.Take(MaxEvidencePerRow).Select(e => Cell(EvidenceText.Of(e))).ToList();
            if (beyond.Count > MaxEvidencePerRow)
            {
                evidence.Add(string.Create(CultureInfo.InvariantCulture, $"…and {beyond.Count - MaxEvidencePerRow} more"));
            }

            var evidenceCell = evidence.Count == 0 ? Cell(row.Summary) : Cell(row.Summary) + "<br>" + string.Join("<br>", evidence);
            writer.WriteLine(FormattableString.Invariant($"| {row.Result.Badge()} | {row.Severity.Display()} | {Cell(row.FailureMode)} | {Code(row.Test)} | {Cell(row.Owner ?? string.Empty)} | {row.Step.Display()} | {evidenceCell} | {Cell(row.Fix)} |"));
        }

        writer.WriteLine();
        writer.WriteLine("Sign-off: every *Blocks Launch* row passes, or its owner has accepted the risk in writing.");
    }

    private static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal)
            .Replace("<br><br>", "<br>", StringComparison.Ordinal);

    private static string Code(string text) =>
        text.Contains('`', StringComparison.Ordinal) ? Cell(text) : "`" + Cell(text) + "`";
}
