using System.Collections.Immutable;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Branch;

/// <summary>
/// Check 7: is what is checked out here what the platform will deploy? Compares HEAD with the target
/// branch (airlock.yaml <c>target.branch</c>, else the remote's default branch) using local refs only.
/// </summary>
internal sealed class BranchCheck : IReadinessCheck
{
    public const string CheckId = "branch";

    /// <summary>Most unpushed commits listed as evidence; the summary carries the full count.</summary>
    private const int MaxCommitsShown = 10;

    public string Id => CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var git = context.Git;
        if (!await git.IsWorkTreeAsync(cancellationToken))
        {
            return SkippedAll("not a git work tree");
        }

        if (!await git.HasCommitsAsync(cancellationToken))
        {
            return SkippedAll("the repository has no commits yet");
        }

        context.Progress.Report(new CheckProgress(CheckId, "reading refs", 0, null, "refs"));
        var facts = await BranchFactsReader.ReadAsync(git, context.Config.Target.Branch, cancellationToken);
        return
        [
            await DeployBranchRowAsync(context, facts, cancellationToken),
            RemoteRow(facts),
            TargetOnRemoteRow(facts),
            await UnpushedRowAsync(context, facts, cancellationToken),
        ];
    }

    private static async Task<RubricRow> DeployBranchRowAsync(CheckContext context, BranchFacts facts, CancellationToken cancellationToken)
    {
        var row = Row(
            "deploy-branch",
            "Commits on a branch that is not the one the platform deploys",
            "`git symbolic-ref --short HEAD` compared with target.branch in airlock.yaml, else the remote's default branch (`git symbolic-ref refs/remotes/<remote>/HEAD`)",
            facts.TargetBranch is null ? "set target.branch in airlock.yaml, or add the remote the platform deploys from and `git fetch` it"
                : $"`git switch {facts.TargetBranch}` and merge or cherry-pick your work there, then push it; or set target.branch in airlock.yaml if the platform deploys another branch");
        var targetEvidence = TargetEvidence(facts);

        if (facts.CurrentBranch is null)
        {
            var detached = new Evidence($"HEAD is detached at {facts.ShortHead}") { Commit = facts.HeadCommit };
            if (facts.TargetOnRemote && await IsAncestorAsync(context, facts.HeadCommit, $"refs/remotes/{facts.RemoteTargetRef}", cancellationToken))
            {
                // CI systems check out a commit, not a branch; that is fine when the commit is already deployable.
                return row.Pass($"HEAD is detached at {facts.ShortHead}, a commit already on {facts.RemoteTargetRef}", [detached, .. targetEvidence]);
            }

            return row.Fail(
                facts.TargetBranch is null
                    ? $"HEAD is detached at {facts.ShortHead}; commits made here are on no branch"
                    : $"HEAD is detached at {facts.ShortHead}; commits made here are on no branch, and the platform deploys {facts.TargetBranch}",
                [detached, .. targetEvidence]);
        }

        if (facts.TargetBranch is null)
        {
            return row.Skipped($"on {facts.CurrentBranch}, but no target to compare: no remote default branch and no target.branch in airlock.yaml", [new Evidence($"current branch: {facts.CurrentBranch}")]);
        }

        var current = new Evidence($"current branch: {facts.CurrentBranch}") { Commit = facts.HeadCommit };
        return string.Equals(facts.CurrentBranch, facts.TargetBranch, StringComparison.Ordinal)
            ? row.Pass($"on {facts.CurrentBranch}, the branch the platform deploys", [current, .. targetEvidence])
            : row.Fail($"on {facts.CurrentBranch}, platform deploys {facts.TargetBranch}", [current, .. targetEvidence]);
    }

    private static RubricRow RemoteRow(BranchFacts facts)
    {
        var row = Row(
            "remote",
            "No remote: the platform deploys from a remote, and nothing here shows what it has",
            "`git remote` (origin, else the only remote)",
            "`git remote add origin <url>` and `git push -u origin <branch>`");
        if (facts.Remote is null)
        {
            return row.Warn("no remote; nothing to compare; the platform deploys from a remote");
        }

        var message = $"remote {facts.Remote} ({facts.RemoteReason})" + (facts.RemoteUrl is null ? string.Empty : $": {facts.RemoteUrl}");
        return row.Pass($"compared with {facts.Remote}, as of the last fetch", [new Evidence(message)]);
    }

    private static RubricRow TargetOnRemoteRow(BranchFacts facts)
    {
        var row = Row(
            "target-on-remote",
            "The branch the platform deploys does not exist on the remote",
            $"`git rev-parse --verify refs/remotes/{facts.Remote ?? "<remote>"}/{facts.TargetBranch ?? "<target>"}`",
            $"push the branch (`git push {facts.Remote ?? "origin"} {facts.TargetBranch ?? "<target>"}`), `git fetch` if it was pushed elsewhere, or correct target.branch in airlock.yaml");
        if (facts.Remote is null)
        {
            return row.Skipped("no remote to look in");
        }

        if (facts.TargetBranch is null)
        {
            return row.Skipped($"no target: {facts.Remote} has no default branch known locally and airlock.yaml sets no target.branch");
        }

        return facts.TargetOnRemote
            ? row.Pass($"{facts.RemoteTargetRef} exists", [.. TargetEvidence(facts)])
            // A shallow or single-branch fetch (common in CI) also lacks the ref, so this is a warning.
            : row.Warn($"{facts.RemoteTargetRef} not found: the platform has nothing to deploy, or it was not fetched", [.. TargetEvidence(facts)]);
    }

    private static async Task<RubricRow> UnpushedRowAsync(CheckContext context, BranchFacts facts, CancellationToken cancellationToken)
    {
        var row = Row(
            "unpushed",
            "Commits made here are not on the remote, so the platform cannot deploy them",
            "`git rev-list <remote>/<target>..HEAD`",
            $"`git push {facts.Remote ?? "origin"} HEAD:{facts.TargetBranch ?? "<target>"}` (or push your branch and merge it into the deployed branch)");
        if (facts.Remote is null)
        {
            return row.Skipped("no remote to compare with");
        }

        var onTarget = facts.CurrentBranch is null || string.Equals(facts.CurrentBranch, facts.TargetBranch, StringComparison.Ordinal);
        string[] revisions;
        string description;
        if (onTarget && facts.TargetOnRemote)
        {
            revisions = [$"refs/remotes/{facts.RemoteTargetRef}..HEAD"];
            description = $"not on {facts.RemoteTargetRef}";
        }
        else if (facts.Upstream is not null)
        {
            revisions = [$"{facts.Upstream}..HEAD"];
            description = $"not on {facts.Upstream}";
        }
        else
        {
            revisions = ["HEAD", "--not", $"--remotes={facts.Remote}"];
            description = $"on no branch of {facts.Remote}";
        }

        row = row with { Test = $"`git rev-list {string.Join(' ', revisions).Replace("refs/remotes/", string.Empty, StringComparison.Ordinal)}`" };
        var count = int.Parse(await context.Git.ReadAsync(["rev-list", "--count", .. revisions], cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (count == 0)
        {
            return row.Pass($"no commits {description}");
        }

        var log = await context.Git.ReadAsync(["log", $"--max-count={MaxCommitsShown}", "--format=%H%x09%s", .. revisions], cancellationToken);
        var evidence = log.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 2))
            .Select(parts => new Evidence($"unpushed: {Shorten(parts.ElementAtOrDefault(1) ?? string.Empty)}") { Commit = parts[0] })
            .ToImmutableArray();
        var noun = count == 1 ? "commit" : "commits";
        // On the deployed branch the platform ships the remote's copy without these; elsewhere it is work in progress.
        return onTarget
            ? row.Fail($"{count} {noun} {description}; the platform deploys {facts.RemoteTargetRef ?? facts.TargetBranch} without them", evidence)
            : row.Warn($"{count} {noun} {description}", evidence);
    }

    private static async Task<bool> IsAncestorAsync(CheckContext context, string commit, string reference, CancellationToken cancellationToken) =>
        (await context.Git.RunAsync(["merge-base", "--is-ancestor", commit, reference], cancellationToken)).Succeeded;

    private static ImmutableArray<Evidence> TargetEvidence(BranchFacts facts) => facts.TargetBranch is null
        ? []
        : [new Evidence(facts.TargetFromConfig
            ? $"platform deploys {facts.TargetBranch} (target.branch in airlock.yaml)"
            : $"platform deploys {facts.TargetBranch} (default branch of {facts.Remote}: {facts.RemoteDefaultSource})")];

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..99] + "…";

    private static RubricRow[] SkippedAll(string reason) =>
    [
        Row("deploy-branch", "Commits on a branch that is not the one the platform deploys", "`git symbolic-ref --short HEAD`", "run airlock check inside the repository").Skipped(reason),
    ];

    private static RubricRowTemplate Row(string row, string failureMode, string test, string fix) => new()
    {
        CheckId = CheckId,
        Row = row,
        FailureMode = failureMode,
        Test = test,
        // Wrong-branch code still runs, it is just not the code you meant: Degrades It, so a feature branch
        // in CI does not stop the pipeline (see docs/checks/branch.md).
        Severity = Severity.DegradesIt,
        Step = CountdownStep.Deploy,
        Fix = fix,
    };
}
