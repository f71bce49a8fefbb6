using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Docker;

/// <summary>
/// One row of the Dockerfile check: judges every Dockerfile of the repository and folds the findings
/// into a rubric row whose result is the worst finding.
/// </summary>
internal abstract class DockerfileRule
{
    public const string CheckId = "dockerfile";

    /// <summary>The row's own part of the id (<c>non-root</c> in <c>dockerfile.non-root</c>).</summary>
    public abstract string Row { get; }

    public string RowId => $"{CheckId}.{Row}";

    public abstract string FailureMode { get; }

    public abstract string Test { get; }

    public abstract Severity Severity { get; }

    public abstract CountdownStep Step { get; }

    public abstract string Fix { get; }

    /// <summary>One line for a row where every Dockerfile passes.</summary>
    protected abstract string PassSummary { get; }

    /// <summary>Judges one Dockerfile that has at least one stage.</summary>
    public abstract IEnumerable<DockerfileFinding> Inspect(Dockerfile file, DockerfileScan scan);

    /// <summary>The findings for one Dockerfile; a file without a <c>FROM</c> is reported, not judged.</summary>
    public IReadOnlyList<DockerfileFinding> InspectSafely(Dockerfile file, DockerfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Stages.Count == 0)
        {
            return [DockerfileFinding.Warn(file, null, "no-from",
                "has no FROM instruction (unreadable, empty or not a Dockerfile), so it was not judged")];
        }

        return [.. Inspect(file, scan)];
    }

    /// <summary>The row before it is judged, with the rule's fixed severity.</summary>
    public RubricRowTemplate Template => new()
    {
        CheckId = CheckId,
        Row = Row,
        FailureMode = FailureMode,
        Test = Test,
        Severity = Severity,
        Step = Step,
        Fix = Fix,
    };

    public RubricRow Evaluate(IReadOnlyList<Dockerfile> files, DockerfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return Template.Skipped("Skipped: no Dockerfile (Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile) in the working tree");
        }

        var findings = files.SelectMany(file => InspectSafely(file, scan)).ToList();
        var worst = findings.Count == 0 ? CheckResult.Pass : findings.MaxBy(f => Rank(f.Result))!.Result;
        string summary;
        if (worst == CheckResult.Pass)
        {
            summary = findings.Count == 1
                ? $"{findings[0].Evidence.Location}: {findings[0].Evidence.Message}"
                : files.Count == 1 ? PassSummary : $"{PassSummary} (all {files.Count} Dockerfiles)";
        }
        else
        {
            var problems = findings.Where(f => f.Result == worst).ToList();
            var first = problems[0].Evidence;
            summary = $"{first.Location}: {first.Message}" + (problems.Count > 1 ? $" (+{problems.Count - 1} more)" : string.Empty);
        }

        return (Template with { Severity = SeverityFor(findings) }).With(worst, summary, [.. findings.Select(f => f.Evidence)]);
    }

    /// <summary>The row's severity given what was found; most rows have one fixed severity.</summary>
    protected virtual Severity SeverityFor(IReadOnlyList<DockerfileFinding> findings) => Severity;


    private static int Rank(CheckResult result) => result switch
    {
        CheckResult.Skipped => 0,
        CheckResult.Pass => 1,
        CheckResult.Warn => 2,
        CheckResult.Fail => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown result."),
    };
}
