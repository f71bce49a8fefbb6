namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// Variables every host or runtime sets (or that only tune the runtime): reading them never needs a declaration.
/// </summary>
internal static class PlatformVariables
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "PWD", "HOSTNAME", "TERM", "LANG", "LANGUAGE", "LC_ALL", "TZ",
        "TMPDIR", "TEMP", "TMP", "PORT", "NODE_ENV", "PYTHONPATH", "PYTHONUNBUFFERED", "CI",
    };

    public static readonly IReadOnlyList<string> Prefixes = ["ASPNETCORE_", "DOTNET_"];

    public static Declaration? Find(string name) =>
        Names.Contains(name) || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            ? new Declaration(name, "set by the platform or runtime", null, null)
            : null;
}
