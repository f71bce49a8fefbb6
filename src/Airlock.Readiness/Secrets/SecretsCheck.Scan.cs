using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;
using Airlock.Readiness.Secrets.Engine;
using Airlock.Readiness.Secrets.Findings;
using Airlock.Readiness.Secrets.History;
using Airlock.Readiness.Secrets.WorkingTree;

namespace Airlock.Readiness.Secrets;

internal sealed partial class SecretsCheck
{
    /// <summary>Scans history, then the working tree, into one set of findings deduplicated by fingerprint.</summary>
    internal static async Task<SecretsScan> ScanAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var rules = ChooseRules(context);
        var allowPaths = CompileAllowPaths(context.Config);
        var detector = new SecretDetector(rules.Rules);
        var findings = new SecretFindingSet();

        HistoryScanStats? history = null;
        string? historyError = null;
        if (await context.Git.HasCommitsAsync(cancellationToken))
        {
            try
            {
                history = await ScanHistoryAsync(context, detector, allowPaths, findings, cancellationToken);
            }
            catch (GitException exception)
            {
                historyError = exception.Message;
            }
        }

        var files = (await context.Git.ListWorkingTreeFilesAsync(cancellationToken))
            .Where(path => !IsAllowedPath(allowPaths, path))
            .ToList();
        var done = 0;
        var tree = await new WorkingTreeScanner(context.RepositoryRoot).ScanAsync(
            files,
            file =>
            {
                foreach (var match in detector.Detect(new SecretFragment(file.Path, file.Content)))
                {
                    findings.AddFromWorkingTree(match.RuleId, match.Description, file.Path, match.Secret, match.Line);
                }

                var now = Interlocked.Increment(ref done);
                if (now % 100 == 0)
                {
                    context.Progress.Report(new CheckProgress(CheckId, "scanning working tree", now, files.Count, "files"));
                }
            },
            cancellationToken);

        return new SecretsScan
        {
            Rules = rules,
            Findings = findings.ToList(),
            History = history,
            HistoryError = historyError,
            WorkingTree = tree,
            TimedOutMatches = detector.TimedOutMatches,
        };
    }

    internal static async Task<HistoryScanStats> ScanHistoryAsync(
        CheckContext context,
        SecretDetector detector,
        IReadOnlyList<System.Text.RegularExpressions.Regex> allowPaths,
        SecretFindingSet findings,
        CancellationToken cancellationToken)
    {
        var scanner = new HistoryScanner(context.Git);
        var total = await scanner.CountCommitsAsync(cancellationToken);
        context.Progress.Report(new CheckProgress(CheckId, "scanning history", 0, total, "commits"));
        var stats = await scanner.ScanAsync(
            fragment =>
            {
                if (IsAllowedPath(allowPaths, fragment.Path))
                {
                    return;
                }

                var matches = detector.Detect(new SecretFragment(fragment.Path, fragment.Content) { Commit = fragment.Commit });
                foreach (var match in matches)
                {
                    findings.AddFromHistory(match.RuleId, match.Description, fragment.Path, match.Secret, fragment.Commit, fragment.FileLineOf(match.Line), fragment.Sequence);
                }
            },
            commits => context.Progress.Report(new CheckProgress(CheckId, "scanning history", commits, total, "commits")),
            cancellationToken);

        // git's output leaves out commits that add nothing (only deletions, empty merges), yet they were visited.
        var visited = Math.Max(stats.Commits, total);
        context.Progress.Report(new CheckProgress(CheckId, "scanning history", visited, total, "commits"));
        return stats with { Commits = visited };
    }
}
