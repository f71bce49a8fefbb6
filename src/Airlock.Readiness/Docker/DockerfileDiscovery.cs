namespace Airlock.Readiness.Docker;

/// <summary>Which working tree files are Dockerfiles: Dockerfile, Containerfile, *.Dockerfile, Dockerfile.* and Containerfile.*.</summary>
internal static class DockerfileDiscovery
{
    private static readonly HashSet<string> NotDockerfileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".dockerignore", ".md", ".txt", ".cs", ".fs", ".vb", ".go", ".py", ".js", ".ts", ".java", ".kt", ".rs", ".rb",
        ".php", ".json", ".yaml", ".yml", ".xml", ".toml", ".sh", ".ps1", ".html", ".snap", ".orig", ".bak",
    };

    public static bool IsDockerfile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path.Split('/')[^1];
        // Dockerfile.dev and Dockerfile.prod are Dockerfiles; Dockerfile.cs or Dockerfile.md is code or prose about them.
        if (NotDockerfileExtensions.Contains(Path.GetExtension(name)))
        {
            return false;
        }

        return name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Containerfile", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Containerfile.", StringComparison.OrdinalIgnoreCase);
    }
}
