using Airlock.Core.Readiness;
using Airlock.Readiness.Reporting;
using Airlock.Readiness.Rubric;
using Spectre.Console;

namespace Airlock.Cli.Rendering;

/// <summary>Draws the rubric on a terminal: one table row per rubric row, all eight columns, then the summary line.</summary>
internal static class RubricTable
{
    public static void Render(IAnsiConsole console, RubricReport report, int evidencePerRow)
    {
        var table = new Table { Border = TableBorder.Rounded, Expand = true, ShowRowSeparators = true };
        table.Title = new TableTitle($"Deploy-readiness rubric · {Markup.Escape(report.Repository)}");
        table.AddColumn(new TableColumn("Result").NoWrap());
        table.AddColumn("Severity");
        table.AddColumn("Failure mode");
        table.AddColumn("Test run");
        table.AddColumn("Owner");
        table.AddColumn("Step");
        table.AddColumn("Evidence");
        table.AddColumn("Fix");
        foreach (var row in report.Rows)
        {
            table.AddRow(
                new Text(row.Result.Badge(), ResultStyle(row.Result)),
                new Text(row.Severity.Display(), SeverityStyle(row.Severity)),
                new Text(row.FailureMode),
                new Text(row.Test, new Style(Color.Grey)),
                new Text(row.Owner ?? string.Empty),
                new Text(row.Step.Display()),
                EvidenceCell(row, evidencePerRow),
                new Text(row.Result is CheckResult.Pass ? string.Empty : row.Fix));
        }

        console.Write(table);
        var blocked = report.Summary.Fails(Severity.BlocksLaunch);
        console.Write(new Text($"{report.Rows.Length} rows in {report.Duration.TotalSeconds:0.0} s · {report.Summary.Describe()}", new Style(decoration: Decoration.Bold)));
        console.WriteLine();
        console.Write(blocked
            ? new Text("✘ Launch blocked: fix every failed Blocks Launch row.", new Style(Color.Red, decoration: Decoration.Bold))
            : new Text("✔ No Blocks Launch row failed.", new Style(Color.Green, decoration: Decoration.Bold)));
        console.WriteLine();
    }

    private static Text EvidenceCell(RubricRow row, int evidencePerRow)
    {
        var lines = new List<string> { row.Summary };
        var evidence = EvidenceText.BeyondSummary(row).ToList();
        lines.AddRange(evidence.Take(evidencePerRow).Select(EvidenceText.Of));
        if (evidence.Count > evidencePerRow)
        {
            lines.Add($"…and {evidence.Count - evidencePerRow} more (--evidence all, or --format json)");
        }

        return new Text(string.Join('\n', lines));
    }

    private static Style ResultStyle(CheckResult result) => result switch
    {
        CheckResult.Pass => new Style(Color.Green),
        CheckResult.Fail => new Style(Color.Red, decoration: Decoration.Bold),
        CheckResult.Warn => new Style(Color.Yellow),
        CheckResult.Skipped => new Style(Color.Grey),
        _ => Style.Plain,
    };

    private static Style SeverityStyle(Severity severity) => severity switch
    {
        Severity.BlocksLaunch => new Style(Color.Red),
        Severity.DegradesIt => new Style(Color.Yellow),
        Severity.Cosmetic => new Style(Color.Grey),
        _ => Style.Plain,
    };
}
