using System.Text.RegularExpressions;

namespace Airlock.Readiness.Docker;

/// <summary>Recognises build images and the shell commands that build or restore dependencies, per ecosystem.</summary>
internal static partial class BuildTooling
{
    /// <summary>True for images that carry a compiler or SDK rather than just a runtime.</summary>
    public static bool IsBuildImage(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var segments = image.Name.ToLowerInvariant().Split('/');
        var last = segments[^1];
        var tag = image.Tag?.ToLowerInvariant() ?? string.Empty;
        return last switch
        {
            "sdk" => segments.Contains("dotnet"),
            "dotnet" => tag.Contains("sdk", StringComparison.Ordinal),
            "golang" or "rust" or "maven" or "gradle" or "gcc" or "buildpack-deps" => true,
            "openjdk" => !tag.Contains("jre", StringComparison.Ordinal),
            "eclipse-temurin" or "amazoncorretto" or "sapmachine" => tag.Contains("jdk", StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>The first command in a RUN that compiles or bundles the app, or null.</summary>
    public static string? FindBuildCommand(string script) => FirstMatch(BuildCommandPattern(), script);

    /// <summary>
    /// The first command in a RUN that downloads dependencies from manifests (explicitly, or as part of a build that
    /// restores implicitly, like <c>dotnet publish</c> or <c>go build</c>), or null.
    /// </summary>
    public static string? FindRestoreCommand(string script) => FirstMatch(RestoreCommandPattern(), script);

    /// <summary>True for the dependency manifests and lock files a restore reads.</summary>
    public static bool IsManifest(string source)
    {
        var name = source.TrimEnd('/').Split('/')[^1].ToLowerInvariant();
        return ManifestPattern().IsMatch(name);
    }

    private static string? FirstMatch(Regex pattern, string script)
    {
        var match = pattern.Match(script);
        return match.Success ? match.Value.Trim() : null;
    }

    [GeneratedRegex(
        @"\bdotnet\s+(publish|build)\b|\bgo\s+build\b|\bcargo\s+build\b|\bmvnw?\b[^&;|\n]*\b(package|install|verify)\b|" +
        @"\bgradlew?\b[^&;|\n]*\b(build|assemble|bootJar|installDist)\b|\b(npm|pnpm|bun)\s+run\s+build\b|\byarn\s+(run\s+)?build\b|" +
        @"\btsc\b|\bjavac\b|\bmake\b|\b(gcc|g\+\+|clang)\s")]
    private static partial Regex BuildCommandPattern();

    [GeneratedRegex(
        @"\bdotnet\s+restore\b|\bdotnet\s+(publish|build|test)\b(?![^&;|\n]*--no-restore)|" +
        @"\bnpm\s+(ci|install|i)\b|\byarn(\s+install)?\s*($|&|;|\||--)|\bpnpm\s+(install|i)\b|\bbun\s+install\b|" +
        @"\bpip3?\s+install\b[^&;|\n]*(\s-r\s|\s--requirement|\s-e\s|\s\.(\s|$))|\bpoetry\s+install\b|\bpipenv\s+install\b|\buv\s+sync\b|" +
        @"\bgo\s+(mod\s+download|build)\b|\bcargo\s+(fetch|build)\b|\bmvnw?\b[^&;|\n]*\b(dependency:go-offline|package|install|verify)\b|" +
        @"\bgradlew?\b[^&;|\n]*\b(dependencies|build|assemble)\b|\bbundle\s+install\b|\bcomposer\s+install\b",
        RegexOptions.Multiline)]
    private static partial Regex RestoreCommandPattern();

    [GeneratedRegex(
        @"^(.*\.(csproj|fsproj|vbproj|sln|slnx|props|targets)|nuget\.config|global\.json|packages\.lock\.json|" +
        @"package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|bun\.lockb?|\.npmrc|\.yarnrc(\.yml)?|" +
        @"requirements.*\.txt|pyproject\.toml|poetry\.lock|pipfile(\.lock)?|uv\.lock|setup\.(py|cfg)|" +
        @"go\.(mod|sum)|cargo\.(toml|lock)|pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|gradle\.properties|gemfile(\.lock)?|composer\.(json|lock))$")]
    private static partial Regex ManifestPattern();
}
