namespace Airlock.Readiness.Secrets.History;

/// <summary>The <c>git log</c> invocation the history scan parses, and how it is shown to users.</summary>
internal static class HistoryLog
{
    /// <summary>
    /// Every commit reachable from any ref, as a patch with no context lines. Each flag pins down output
    /// that a user's git config could otherwise change (colour, prefixes, external diff and textconv
    /// drivers, rename detection, signatures); <c>--diff-filter=d</c> drops deletions, whose lines were
    /// scanned when they were added; merges are diffed against their first parent, so lines a merge
    /// introduces itself (a conflict resolution) are scanned too.
    /// </summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "log",
        "--all",
        "--patch",
        "--unified=0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-show-signature",
        "--find-renames",
        "--diff-merges=first-parent",
        "--diff-filter=d",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        "--format=%x1f%H",
    ];

    /// <summary>Counts the commits <see cref="Arguments"/> visits, for progress.</summary>
    public static IReadOnlyList<string> CountArguments { get; } = ["rev-list", "--all", "--count"];

    /// <summary>The command as a teammate would retype it.</summary>
    public static string Display => "git " + string.Join(' ', Arguments).Replace("%x1f%H", "'%x1f%H'", StringComparison.Ordinal);
}
