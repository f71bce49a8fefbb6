using System.Text.Json;
using System.Xml.Linq;
using Airlock.Core.Readiness;
using Airlock.Readiness.Reporting;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Reporting;

public sealed class RubricWriterTests
{
    private static readonly RubricReport Report = new()
    {
        Repository = "/repo",
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Branch = "main",
        StartedAt = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero),
        Duration = TimeSpan.FromSeconds(1.5),
        ToolVersion = "0.1.0",
        Rows =
        [
            Row("secrets.history", Severity.BlocksLaunch, CheckResult.Fail, new Evidence("OpenAI key | added") { File = "src/my app.py", Line = 3, Commit = "abc123", RuleId = "openai-api-key", RedactedValue = "sk-p…[sha256:1a2b3c4d]", Fingerprint = "fp1" }),
            Row("branch.remote", Severity.DegradesIt, CheckResult.Warn, new Evidence("no remote")),
            Row("dockerfile.non-root", Severity.DegradesIt, CheckResult.Skipped),
            Row("runtime.dotnet", Severity.Cosmetic, CheckResult.Pass),
        ],
    };

    [Fact]
    public void Json_Report_NamesFileAndRuleForEveryFinding()
    {
        using var document = JsonDocument.Parse(Render("json"));

        var row = document.RootElement.GetProperty("rows")[0];
        Assert.Equal("blocks-launch", row.GetProperty("severity").GetString());
        Assert.Equal("fail", row.GetProperty("result").GetString());
        Assert.Equal("set-secret", row.GetProperty("step").GetString());
        var evidence = row.GetProperty("evidence")[0];
        Assert.Equal("src/my app.py", evidence.GetProperty("file").GetString());
        Assert.Equal("openai-api-key", evidence.GetProperty("ruleId").GetString());
        Assert.True(document.RootElement.GetProperty("summary").GetProperty("launchBlocked").GetBoolean());
        Assert.Equal(1, document.RootElement.GetProperty("summary").GetProperty("degrades").GetProperty("warn").GetInt32());
    }

    [Fact]
    public void Sarif_FailAndWarnRows_BecomeLocatedResults()
    {
        using var document = JsonDocument.Parse(Render("sarif"));

        var run = document.RootElement.GetProperty("runs")[0];
        Assert.Equal(4, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        var results = run.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        var secret = results[0];
        Assert.Equal("secrets.history", secret.GetProperty("ruleId").GetString());
        Assert.Equal("error", secret.GetProperty("level").GetString());
        var location = secret.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/my%20app.py", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("fp1", secret.GetProperty("partialFingerprints").GetProperty("airlockFingerprint/v1").GetString());
        Assert.Equal("note", results[1].GetProperty("level").GetString());
    }

    [Fact]
    public void JUnit_Rows_MapToFailuresAndSkips()
    {
        var xml = XDocument.Parse(Render("junit"));

        var suites = xml.Root!;
        Assert.Equal("4", suites.Attribute("tests")!.Value);
        Assert.Equal("1", suites.Attribute("failures")!.Value);
        Assert.Equal("1", suites.Attribute("skipped")!.Value);
        Assert.Equal(3, suites.Elements("testsuite").Count());
        Assert.Contains("sk-p…[sha256:1a2b3c4d]", suites.Descendants("failure").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_PipesInText_AreEscaped()
    {
        var markdown = Render("markdown");

        Assert.Contains("OpenAI key \\| added", markdown, StringComparison.Ordinal);
        Assert.Contains("| ✘ FAIL | Blocks Launch |", markdown, StringComparison.Ordinal);
        Assert.Equal(4, markdown.Split('\n').Count(l => l.StartsWith("| ✔", StringComparison.Ordinal) || l.StartsWith("| ✘", StringComparison.Ordinal) || l.StartsWith("| !", StringComparison.Ordinal) || l.StartsWith("| –", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Severity.BlocksLaunch, true)]
    [InlineData(Severity.Cosmetic, true)]
    public void Summary_FailOn_CountsFailuresAtOrAboveTier(Severity failOn, bool expected)
    {
        Assert.Equal(expected, Report.Summary.Fails(failOn));
    }

    [Fact]
    public void Summary_OnlyDegradesFailure_BlocksOnlyWhenTightened()
    {
        var summary = RubricSummary.Of([Row("x.y", Severity.DegradesIt, CheckResult.Fail)]);

        Assert.False(summary.Fails(Severity.BlocksLaunch));
        Assert.True(summary.Fails(Severity.DegradesIt));
    }

    private static string Render(string format)
    {
        using var writer = new StringWriter();
        RubricWriters.Find(format)!.Write(Report, writer);
        return writer.ToString();
    }

    private static RubricRow Row(string id, Severity severity, CheckResult result, params Evidence[] evidence) => new()
    {
        CheckId = id.Split('.')[0],
        Id = id,
        FailureMode = "mode of " + id,
        Test = "test of " + id,
        Severity = severity,
        Result = result,
        Summary = "summary of " + id,
        Step = severity == Severity.BlocksLaunch ? CountdownStep.SetSecret : CountdownStep.Deploy,
        Fix = "fix " + id,
        Owner = "@team",
        Evidence = [.. evidence],
    };
}
