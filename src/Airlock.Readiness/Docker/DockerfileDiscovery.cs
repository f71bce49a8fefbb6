namespace Airlock.Readiness.Docker;

/// <summary>Which working tree files are Dockerfiles: Dockerfile, Containerfile, *.Dockerfile, Dockerfile.* and Containerfile.*.</summary>
internal static class DockerfileDiscovery
{
    public static bool IsDockerfile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path.Split('/')[^1];
        if (name.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
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
