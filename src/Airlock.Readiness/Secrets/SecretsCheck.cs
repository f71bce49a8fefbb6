using Airlock.Readiness.Rubric;
using Airlock.Readiness.Secrets.Baseline;

namespace Airlock.Readiness.Secrets;

/// <summary>
/// Failure mode 1: an API key in git history (anyone who clones burns the quota) or in the working tree
/// a deploy ships. Scans every commit reachable from any ref plus the working tree, and accepts findings
/// listed in the baseline.
/// </summary>
internal sealed partial class SecretsCheck : IReadinessCheck
{
    public const string CheckId = "secrets";

    public string Id => CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await context.Git.IsWorkTreeAsync(cancellationToken))
        {
            const string reason = "not a git repository: there is no history, and no file list a deploy would see";
            return [SkippedHistoryRow(reason), SkippedWorkingTreeRow(reason)];
        }

        var baseline = await BaselineFile.ReadAsync(BaselinePath(context), cancellationToken);
        var scan = await ScanAsync(context, cancellationToken);
        return [HistoryRow(scan, baseline), WorkingTreeRow(scan, baseline)];
    }

    /// <summary>
    /// Scans and writes every current finding to the baseline (<c>airlock check --update-baseline</c>).
    /// Entries still found keep their reason; new ones get <paramref name="reason"/>; entries nothing matches
    /// any more are dropped. Throws <see cref="SecretsConfigException"/> for a malformed existing baseline.
    /// </summary>
    public static async Task<BaselineUpdate> UpdateBaselineAsync(CheckContext context, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = BaselinePath(context);
        var existing = await BaselineFile.ReadAsync(path, cancellationToken);
        var scan = await ScanAsync(context, cancellationToken);
        var today = context.Time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var defaultReason = reason ?? $"accepted with airlock check --update-baseline on {today}";
        var entries = new List<BaselineEntry>();
        var kept = 0;
        foreach (var finding in scan.Findings)
        {
            existing.Entries.TryGetValue(finding.Fingerprint, out var previous);
            kept += previous is null ? 0 : 1;
            entries.Add(new BaselineEntry
            {
                Fingerprint = finding.Fingerprint,
                RuleId = finding.RuleId,
                File = finding.Path,
                RedactedValue = finding.RedactedValue,
                Reason = previous?.Reason ?? defaultReason,
            });
        }

        await BaselineFile.WriteAsync(path, existing, entries, cancellationToken);
        return new BaselineUpdate(path, entries.Count - kept, kept, existing.Entries.Count - kept);
    }

    private static string BaselinePath(CheckContext context) =>
        context.BaselineFile is { } given ? Path.GetFullPath(given) : context.FullPath(context.Config.Secrets.Baseline);
}
