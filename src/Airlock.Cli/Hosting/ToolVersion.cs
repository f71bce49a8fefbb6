using System.Reflection;

namespace Airlock.Cli.Hosting;

/// <summary>The version and commit baked into the build (SourceLink stamps the commit into the informational version).</summary>
internal static class ToolVersion
{
    public static string Informational { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The semantic version without build metadata.</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The commit the binary was built from, or "unknown" outside a git checkout.</summary>
    public static string Commit => Informational.Contains('+', StringComparison.Ordinal) ? Informational.Split('+')[1] : "unknown";

    public static string Display => $"airlock {Version} (commit {(Commit.Length > 12 ? Commit[..12] : Commit)})";
}
