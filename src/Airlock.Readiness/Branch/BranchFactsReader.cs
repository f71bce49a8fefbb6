using Airlock.Readiness.Git;

namespace Airlock.Readiness.Branch;

/// <summary>
/// Reads <see cref="BranchFacts"/> from local refs only: a readiness check must not touch the network,
/// so the remote is known as of the last fetch.
/// </summary>
internal static class BranchFactsReader
{
    public static async Task<BranchFacts> ReadAsync(GitRepository git, string? configuredTarget, CancellationToken cancellationToken)
    {
        var head = await git.ReadAsync(["rev-parse", "HEAD"], cancellationToken);
        var symbolic = await git.RunAsync(["symbolic-ref", "--quiet", "--short", "HEAD"], cancellationToken);
        var current = symbolic.Succeeded ? symbolic.StandardOutput.Trim() : null;

        var upstream = current is null ? null : await TryReadAsync(git, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", $"{current}@{{upstream}}"], cancellationToken);
        var (remote, reason) = await ChooseRemoteAsync(git, current, cancellationToken);
        string? url = null;
        string? defaultBranch = null;
        string? defaultSource = null;
        if (remote is not null)
        {
            var rawUrl = await TryReadAsync(git, ["remote", "get-url", remote], cancellationToken);
            url = rawUrl is null ? null : RemoteUrl.WithoutCredentials(rawUrl);
            (defaultBranch, defaultSource) = await ReadRemoteDefaultAsync(git, remote, cancellationToken);
        }

        var target = string.IsNullOrWhiteSpace(configuredTarget) ? defaultBranch : configuredTarget.Trim();
        var targetOnRemote = remote is not null && target is not null
            && (await git.RunAsync(["rev-parse", "--verify", "--quiet", $"refs/remotes/{remote}/{target}"], cancellationToken)).Succeeded;

        return new BranchFacts
        {
            CurrentBranch = current,
            HeadCommit = head,
            Remote = remote,
            RemoteUrl = url,
            RemoteReason = reason,
            RemoteDefaultBranch = defaultBranch,
            RemoteDefaultSource = defaultSource,
            TargetBranch = target,
            TargetFromConfig = !string.IsNullOrWhiteSpace(configuredTarget),
            TargetOnRemote = targetOnRemote,
            Upstream = upstream,
        };
    }

    private static async Task<(string? Remote, string? Reason)> ChooseRemoteAsync(GitRepository git, string? current, CancellationToken cancellationToken)
    {
        var remotes = (await git.ReadAsync(["remote"], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (remotes.Length == 0)
        {
            return (null, null);
        }

        if (remotes.Contains("origin", StringComparer.Ordinal))
        {
            return ("origin", "origin");
        }

        if (remotes.Length == 1)
        {
            return (remotes[0], "the only remote");
        }

        if (current is not null && await TryReadAsync(git, ["config", $"branch.{current}.remote"], cancellationToken) is { } tracked
            && remotes.Contains(tracked, StringComparer.Ordinal))
        {
            return (tracked, $"the remote {current} tracks");
        }

        var first = remotes.Order(StringComparer.Ordinal).First();
        return (first, $"first of {remotes.Length} remotes, none named origin");
    }

    private static async Task<(string? Branch, string? Source)> ReadRemoteDefaultAsync(GitRepository git, string remote, CancellationToken cancellationToken)
    {
        var prefix = $"refs/remotes/{remote}/";
        if (await TryReadAsync(git, ["symbolic-ref", "--quiet", $"{prefix}HEAD"], cancellationToken) is { } symbolic
            && symbolic.StartsWith(prefix, StringComparison.Ordinal))
        {
            return (symbolic[prefix.Length..], $"{prefix}HEAD");
        }

        // Repositories made with `git remote add` + push (and most CI checkouts) have no remote HEAD;
        // fall back to the conventional names, then to a lone branch.
        var branches = (await git.ReadAsync(["for-each-ref", "--format=%(refname)", prefix], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r[prefix.Length..])
            .Where(b => b != "HEAD")
            .ToList();
        foreach (var conventional in new[] { "main", "master" })
        {
            if (branches.Contains(conventional, StringComparer.Ordinal))
            {
                return (conventional, $"no {prefix}HEAD; assumed {conventional}, which exists on {remote}");
            }
        }

        return branches.Count == 1
            ? (branches[0], $"no {prefix}HEAD; {branches[0]} is the only branch of {remote}")
            : (null, null);
    }

    private static async Task<string?> TryReadAsync(GitRepository git, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await git.RunAsync(arguments, cancellationToken);
        var output = result.StandardOutput.Trim();
        return result.Succeeded && output.Length > 0 ? output : null;
    }
}
