using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Rubric;

public class RubricRowTemplateTests
{
    private static readonly RubricRowTemplate Template = new()
    {
        CheckId = "lfs",
        Row = "pointers",
        FailureMode = "pointer deployed",
        Test = "parse pointers",
        Severity = Severity.BlocksLaunch,
        Step = CountdownStep.Deploy,
        Fix = "pull LFS",
    };

    [Fact]
    public void Fail_CopiesTheTemplateAndSetsResultSummaryEvidence()
    {
        var row = Template.Fail("1 pointer", [new Evidence("pointer") { File = "model.bin" }]);

        Assert.Equal("lfs", row.CheckId);
        Assert.Equal("lfs.pointers", row.Id);
        Assert.Equal(("pointer deployed", "parse pointers", "pull LFS"), (row.FailureMode, row.Test, row.Fix));
        Assert.Equal((Severity.BlocksLaunch, CountdownStep.Deploy), (row.Severity, row.Step));
        Assert.Equal((CheckResult.Fail, "1 pointer"), (row.Result, row.Summary));
        Assert.Equal("model.bin", Assert.Single(row.Evidence).File);
        Assert.Null(row.Owner);
    }

    [Fact]
    public void Skipped_WithoutEvidence_HasEmptyEvidence()
    {
        var row = Template.Skipped("no files");

        Assert.Equal(CheckResult.Skipped, row.Result);
        Assert.Empty(row.Evidence);
    }

    [Theory]
    [InlineData(1, 1, CheckResult.Fail, "fail")]
    [InlineData(0, 1, CheckResult.Warn, "warn")]
    [InlineData(0, 0, CheckResult.Pass, "pass")]
    public void Conclude_WorstEvidenceDecides_FailuresListedFirst(int failures, int warnings, CheckResult expected, string summary)
    {
        var row = Template.Conclude(
            [.. Enumerable.Repeat(new Evidence("f"), failures)],
            [.. Enumerable.Repeat(new Evidence("w"), warnings)],
            "fail",
            "warn",
            "pass");

        Assert.Equal((expected, summary), (row.Result, row.Summary));
        Assert.Equal([.. Enumerable.Repeat("f", failures), .. Enumerable.Repeat("w", warnings)], row.Evidence.Select(e => e.Message));
    }
}
