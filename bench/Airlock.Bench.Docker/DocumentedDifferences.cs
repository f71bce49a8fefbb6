namespace Airlock.Bench.Docker;

/// <summary>
/// Where our rows deliberately decide differently from hadolint, with the reason. Each is also written in
/// docs/checks/dockerfile.md.
/// </summary>
internal static class DocumentedDifferences
{
    /// <summary>hadolint cases where the overlapping part of our row decides differently, by rule and case description.</summary>
    public static IReadOnlyDictionary<(string Rule, string Description), string> ByCase { get; } =
        new Dictionary<(string, string), string>
        {
            [("DL3002", "warns on multiple stages")] =
                "hadolint flags root as the last USER of any stage; only the final stage's user runs in production, so a root build stage passes ours",
            [("DL3025", "warn on HEALTHCHECK CMD shell notation")] =
                "a HEALTHCHECK runs beside the app, so its form does not decide who receives SIGTERM; ours judges only the start command",
        };

    /// <summary>Our findings that make a row stricter than hadolint by design (the whole-row verdict fires, hadolint stays silent).</summary>
    public static IReadOnlyDictionary<string, string> StricterFindings { get; } = new Dictionary<string, string>
    {
        ["implicit-root"] = "no USER in the final stage means root; hadolint only reads explicit USER lines",
        ["tag-only"] = "a tag without a digest warns (tags move); hadolint accepts any tag",
        ["unresolved"] = "a FROM decided by a build argument without a default warns (cannot be checked); hadolint skips it",
        ["shell-wrapper"] = "an exec-form [\"/bin/sh\", \"-c\", ...] still makes the shell PID 1; hadolint only checks the JSON form",
        ["healthcheck-none"] = "HEALTHCHECK NONE counts as no health check; hadolint accepts an explicit opt-out",
    };
}
