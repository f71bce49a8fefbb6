using System.Collections.Immutable;
using System.Globalization;
using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.CustomChecks;

/// <summary>
/// Check 11: the team's own rows from airlock.yaml <c>checks:</c>. Each runs <c>/bin/sh -c &lt;run&gt;</c> in the
/// repository root, one after another (commands may share files), and passes when the exit code matches
/// and, if set, standard output contains the expected fragment.
/// </summary>
internal sealed class CustomCheck : IReadinessCheck
{
    public const string CheckId = "custom";

    /// <summary>Lines of output kept as evidence, and the longest line shown.</summary>
    private const int EvidenceLines = 20;

    private const int EvidenceLineLength = 200;

    public string Id => CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = context.Config.Checks;
        if (checks.IsEmpty)
        {
            return
            [
                new RubricRow
                {
                    CheckId = CheckId,
                    Id = $"{CheckId}.none",
                    FailureMode = "Team-specific failure modes",
                    Test = "the commands under checks: in airlock.yaml",
                    Severity = Severity.DegradesIt,
                    Result = CheckResult.Skipped,
                    Summary = "no custom checks in airlock.yaml",
                    Step = CountdownStep.Test,
                    Fix = "add a check under checks: in airlock.yaml (name, run, expect_exit, severity) for a failure mode only your team knows",
                },
            ];
        }

        var slugs = CheckSlug.Unique(checks.Select(c => c.Name));
        var rows = new List<RubricRow>();
        for (var i = 0; i < checks.Length; i++)
        {
            context.Progress.Report(new CheckProgress(CheckId, $"running {checks[i].Name}", i, checks.Length, "checks"));
            var outcome = await ShellCommand.RunAsync(checks[i].Run, context.RepositoryRoot, checks[i].Timeout, checks[i].ExpectOutput, context.Time, cancellationToken);
            rows.Add(ToRow(context, checks[i], slugs[i], outcome));
        }

        context.Progress.Report(new CheckProgress(CheckId, "done", checks.Length, checks.Length, "checks"));
        return rows;
    }

    private static RubricRow ToRow(CheckContext context, CustomCheckConfig check, string slug, CommandOutcome outcome)
    {
        var expectation = check.ExpectOutput is null
            ? $"exit {check.ExpectExit}"
            : $"exit {check.ExpectExit} and stdout containing \"{check.ExpectOutput}\"";
        var (result, summary) = Judge(check, outcome);
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        var declared = Declaration(context, check.Location);
        evidence.Add(new Evidence(outcome switch
        {
            { StartError: { } error } => $"could not start /bin/sh: {error}",
            { TimedOut: true } => $"killed after {Seconds(check.Timeout)} (timeout) with its child processes",
            _ => $"exit code {outcome.ExitCode} after {Seconds(outcome.Duration)}; expected {expectation}",
        })
        {
            File = declared.File,
            Line = declared.Line,
        });
        AddTail(evidence, "stdout", outcome.StandardOutput);
        AddTail(evidence, "stderr", outcome.StandardError);

        return new RubricRow
        {
            CheckId = CheckId,
            Id = $"{CheckId}.{slug}",
            FailureMode = check.Name,
            Test = $"`{check.Run}` in the repository root, expecting {expectation}, timeout {Seconds(check.Timeout)}",
            Severity = check.Severity,
            Result = result,
            Summary = summary,
            Step = check.Step,
            Fix = string.IsNullOrWhiteSpace(check.Fix) ? $"run `{check.Run}` locally and fix what it reports" : check.Fix,
            Owner = check.Owner,
            Evidence = evidence.ToImmutable(),
        };
    }

    private static (CheckResult Result, string Summary) Judge(CustomCheckConfig check, CommandOutcome outcome)
    {
        if (outcome.StartError is not null)
        {
            return (CheckResult.Fail, "the command could not be started");
        }

        if (outcome.TimedOut)
        {
            return (CheckResult.Fail, $"timed out after {Seconds(check.Timeout)}");
        }

        if (outcome.ExitCode != check.ExpectExit)
        {
            return (CheckResult.Fail, $"exited {outcome.ExitCode}, expected {check.ExpectExit}");
        }

        if (check.ExpectOutput is not null && !outcome.StandardOutput.FoundExpected)
        {
            return (CheckResult.Fail, $"exited {outcome.ExitCode} as expected, but stdout does not contain \"{check.ExpectOutput}\"");
        }

        return (CheckResult.Pass, check.ExpectOutput is null
            ? $"exited {outcome.ExitCode} as expected"
            : $"exited {outcome.ExitCode} and printed \"{check.ExpectOutput}\" as expected");
    }

    /// <summary>The last lines of a stream, redacted and capped, as one evidence entry.</summary>
    private static void AddTail(ImmutableArray<Evidence>.Builder evidence, string stream, OutputCapture capture)
    {
        var lines = capture.Tail.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        if (capture.TotalCharacters == 0 || lines is [""])
        {
            return;
        }

        var last = lines.TakeLast(EvidenceLines)
            .Select(l => OutputRedactor.Redact(l.Length > EvidenceLineLength ? l[..EvidenceLineLength] + "…" : l));
        var header = lines.Length > EvidenceLines || capture.TotalCharacters > capture.Tail.Length
            ? $"{stream} (last {Math.Min(EvidenceLines, lines.Length)} lines):"
            : $"{stream}:";
        evidence.Add(new Evidence(header + "\n" + string.Join('\n', last)));
    }

    private static (string? File, int? Line) Declaration(CheckContext context, ConfigLocation location)
    {
        if (string.IsNullOrEmpty(location.File))
        {
            return (null, null);
        }

        var relative = Path.IsPathRooted(location.File) ? Path.GetRelativePath(context.RepositoryRoot, location.File) : location.File;
        return (relative.Replace(Path.DirectorySeparatorChar, '/'), location.Line > 0 ? location.Line : null);
    }

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds >= 10 || duration.TotalSeconds % 1 == 0
            ? $"{Math.Round(duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s"
            : $"{duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s";
}
