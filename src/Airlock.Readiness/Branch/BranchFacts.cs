namespace Airlock.Readiness.Branch;

/// <summary>What git says about where HEAD is and what the platform deploys, read once per run.</summary>
internal sealed record BranchFacts
{
    /// <summary>The checked-out branch, or null when HEAD is detached.</summary>
    public string? CurrentBranch { get; init; }

    public required string HeadCommit { get; init; }

    /// <summary>The remote the platform is assumed to deploy from, or null when there is none.</summary>
    public string? Remote { get; init; }

    /// <summary>The remote's URL with any user name or token removed.</summary>
    public string? RemoteUrl { get; init; }

    /// <summary>Why this remote was chosen ("origin", "the only remote", ...).</summary>
    public string? RemoteReason { get; init; }

    /// <summary>The remote's default branch, from <c>refs/remotes/&lt;remote&gt;/HEAD</c> or a fallback.</summary>
    public string? RemoteDefaultBranch { get; init; }

    /// <summary>How the default branch was found, for the evidence.</summary>
    public string? RemoteDefaultSource { get; init; }

    /// <summary><c>target.branch</c> from airlock.yaml, else the remote's default branch.</summary>
    public string? TargetBranch { get; init; }

    /// <summary>True when the target comes from airlock.yaml.</summary>
    public bool TargetFromConfig { get; init; }

    /// <summary>True when <c>refs/remotes/&lt;remote&gt;/&lt;target&gt;</c> exists locally.</summary>
    public bool TargetOnRemote { get; init; }

    /// <summary>The current branch's upstream (<c>origin/feature</c>), or null.</summary>
    public string? Upstream { get; init; }

    public string ShortHead => HeadCommit.Length > 7 ? HeadCommit[..7] : HeadCommit;

    /// <summary>The remote-tracking ref of the target, for example <c>origin/main</c>.</summary>
    public string? RemoteTargetRef => Remote is null || TargetBranch is null ? null : $"{Remote}/{TargetBranch}";
}
