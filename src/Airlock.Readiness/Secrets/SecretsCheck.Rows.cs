using System.Collections.Immutable;
using System.Globalization;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;
using Airlock.Readiness.Secrets.Baseline;
using Airlock.Readiness.Secrets.Findings;
using Airlock.Readiness.Secrets.History;

namespace Airlock.Readiness.Secrets;

internal sealed partial class SecretsCheck
{
    private const string HistoryFailureMode = "API key or other secret committed to git history: anyone who clones the repository can use it (and burn the quota)";
    private const string TreeFailureMode = "Secret in an uncommitted or untracked working-tree file that a deploy or the next commit would ship";

    private const string HistoryFix =
        "Rotate the key first (revoke it at the provider: it is already exposed), then purge it from every branch and tag " +
        "(git filter-repo --replace-text or --invert-paths), force-push, and add the file to .gitignore. " +
        "Accept a known false positive or a revoked test key with `airlock check --update-baseline`.";

    private const string TreeFix =
        "Move the value to the deployment's secret store or an environment variable, delete it from the file, and add the file " +
        "to .gitignore (and .dockerignore); if it was ever shared, rotate it.";

    private static RubricRow HistoryRow(SecretsScan scan, SecretsBaseline baseline)
    {
        var test = $"{RulesText(scan)} over the lines added by every commit reachable from any ref: `{HistoryLog.Display}`";
        if (scan.HistoryError is { } error)
        {
            return Row("secrets.history", HistoryFailureMode, test, CheckResult.Warn, "history could not be read: " + error, HistoryFix);
        }

        if (scan.History is not { } history)
        {
            return SkippedHistoryRow("the repository has no commits yet") with { Test = test };
        }

        var inHistory = scan.Findings.Where(f => f.InHistory).ToList();
        var open = inHistory.Where(f => !baseline.Accepts(f.Fingerprint)).ToList();
        var accepted = inHistory.Count - open.Count;
        var found = scan.Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var stale = baseline.Entries.Keys.Count(k => !found.Contains(k));
        var notes = new List<string>();
        if (accepted > 0)
        {
            notes.Add($"{accepted} accepted by baseline");
        }

        if (stale > 0)
        {
            notes.Add($"{stale} baseline entr{(stale == 1 ? "y matches" : "ies match")} nothing any more (drop with --update-baseline)");
        }

        if (history.SplitFragments > 0)
        {
            notes.Add($"{history.SplitFragments} oversized changes scanned in {HistoryScanner.DefaultMaxFragmentBytes / 1024} KiB pieces");
        }

        if (scan.TimedOutMatches > 0)
        {
            notes.Add($"{scan.TimedOutMatches} regex evaluations timed out, so some text was not fully checked");
        }

        var scope = $"{history.Commits.ToString(CultureInfo.InvariantCulture)} commits, {history.Fragments} file changes";
        var summary = open.Count == 0
            ? $"No secret in history ({scope})"
            : $"{Count(open.Count, "secret")} in history ({scope})";
        if (notes.Count > 0)
        {
            summary += "; " + string.Join("; ", notes);
        }

        var result = open.Count > 0 ? CheckResult.Fail : scan.TimedOutMatches > 0 ? CheckResult.Warn : CheckResult.Pass;
        return Row("secrets.history", HistoryFailureMode, $"{test} ({history.Commits} commits)", result, summary, HistoryFix) with
        {
            Evidence = [.. open.Select(HistoryEvidence)],
        };
    }

    private static RubricRow WorkingTreeRow(SecretsScan scan, SecretsBaseline baseline)
    {
        var tree = scan.WorkingTree;
        var test = $"{RulesText(scan)} over {tree.Scanned} working-tree files (`git ls-files --cached --others --exclude-standard`; " +
            $"binary files, symlinks and files over {WorkingTree.WorkingTreeScanner.MaxFileBytes / (1024 * 1024)} MiB skipped)";
        var onlyInTree = scan.Findings.Where(f => !f.InHistory && f.WorkingTreeLine is not null).ToList();
        var open = onlyInTree.Where(f => !baseline.Accepts(f.Fingerprint)).ToList();
        var accepted = onlyInTree.Count - open.Count;
        var committed = scan.Findings.Count(f => f.InHistory && f.WorkingTreeLine is not null && !baseline.Accepts(f.Fingerprint));

        var summary = open.Count == 0 ? "No secret in uncommitted or untracked files" : $"{Count(open.Count, "secret")} in uncommitted or untracked files";
        var notes = new List<string>();
        if (committed > 0)
        {
            notes.Add($"{committed} committed secret{(committed == 1 ? " is" : "s are")} still in the working tree (listed under secrets.history)");
        }

        if (accepted > 0)
        {
            notes.Add($"{accepted} accepted by baseline");
        }

        if (tree.Skipped.Length > 0)
        {
            notes.Add($"{Count(tree.Skipped.Length, "file")} not scanned");
        }

        if (notes.Count > 0)
        {
            summary += "; " + string.Join("; ", notes);
        }

        var evidence = open.Select(TreeEvidence)
            .Concat(tree.Skipped.Select(s => new Evidence("not scanned: " + s.Reason) { File = s.Path }));
        return Row("secrets.working-tree", TreeFailureMode, test, open.Count > 0 ? CheckResult.Fail : CheckResult.Pass, summary, TreeFix) with
        {
            Evidence = [.. evidence],
        };
    }

    private static Evidence HistoryEvidence(SecretFinding finding)
    {
        var commit = finding.Commit ?? string.Empty;
        var message = $"{Describe(finding)}, added in commit {commit[..Math.Min(12, commit.Length)]}";
        if (finding.HistoryOccurrences > 1)
        {
            message += $" (added {finding.HistoryOccurrences} times in all)";
        }

        if (finding.WorkingTreeLine is { } line)
        {
            message += line > 0 ? $"; still in the working tree at line {line}" : "; still in the working tree";
        }

        return new Evidence(message)
        {
            File = finding.Path,
            Line = finding.HistoryLine is > 0 ? finding.HistoryLine : null,
            Commit = finding.Commit,
            RedactedValue = finding.RedactedValue,
            RuleId = finding.RuleId,
            Fingerprint = finding.Fingerprint,
        };
    }

    private static Evidence TreeEvidence(SecretFinding finding) => new(Describe(finding) + ", not committed")
    {
        File = finding.Path,
        Line = finding.WorkingTreeLine is > 0 ? finding.WorkingTreeLine : null,
        RedactedValue = finding.RedactedValue,
        RuleId = finding.RuleId,
        Fingerprint = finding.Fingerprint,
    };

    private static string Describe(SecretFinding finding) =>
        (finding.Description ?? finding.RuleId) + (finding.RedactedValue is { } value ? $" {value}" : " (the file itself)");

    private static string RulesText(SecretsScan scan) => $"{scan.Rules.Rules.Rules.Length} rules ({scan.Rules.Origin})";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static RubricRow SkippedHistoryRow(string reason) =>
        Row("secrets.history", HistoryFailureMode, "secret rules over `" + HistoryLog.Display + "`", CheckResult.Skipped, reason, HistoryFix);

    private static RubricRow SkippedWorkingTreeRow(string reason) =>
        Row("secrets.working-tree", TreeFailureMode, "secret rules over the working-tree files", CheckResult.Skipped, reason, TreeFix);

    private static RubricRow Row(string id, string failureMode, string test, CheckResult result, string summary, string fix) => new()
    {
        CheckId = CheckId,
        Id = id,
        FailureMode = failureMode,
        Test = test,
        Severity = Severity.BlocksLaunch,
        Result = result,
        Summary = summary,
        Step = CountdownStep.SetSecret,
        Fix = fix,
        Evidence = ImmutableArray<Evidence>.Empty,
    };
}
