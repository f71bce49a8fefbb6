namespace Airlock.Readiness.Dependencies;

/// <summary>
/// yarn.lock, classic (v1) and Berry: every entry is keyed by the exact <c>name@spec</c> strings it satisfies, so a
/// package.json spec without a key is exactly what <c>yarn install --frozen-lockfile</c>/<c>--immutable</c> rejects.
/// </summary>
internal sealed class YarnLockFile : INpmLockFile
{
    private readonly Dictionary<string, string?> _versions;

    private YarnLockFile(string path, Dictionary<string, string?> versions)
    {
        Path = path;
        _versions = versions;
    }

    public string Path { get; }

    public static YarnLockFile Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var versions = new Dictionary<string, string?>(StringComparer.Ordinal);
        var current = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length == 0 || raw.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (!char.IsWhiteSpace(raw[0]) && raw.TrimEnd().EndsWith(':'))
            {
                current = [.. raw.TrimEnd()[..^1].Split(',').Select(k => k.Trim().Trim('"')).Where(k => k.Length > 0)];
                foreach (var key in current)
                {
                    versions[key] = null;
                }

                continue;
            }

            var line = raw.Trim();
            if (line.StartsWith("version", StringComparison.Ordinal) && raw.Length - raw.TrimStart().Length == 2)
            {
                var version = line["version".Length..].TrimStart(':', ' ').Trim('"');
                foreach (var key in current)
                {
                    versions[key] = version;
                }
            }
        }

        return new YarnLockFile(path, versions);
    }

    public string? Verify(string importer, NpmDependency dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        string[] keys = [$"{dependency.Name}@{dependency.Spec}", $"{dependency.Name}@npm:{dependency.Spec}"];
        var key = keys.FirstOrDefault(_versions.ContainsKey);
        if (key is null)
        {
            // Berry records workspace and patch protocols under rewritten keys; only plain specs are judged.
            return dependency.Spec.Contains(':', StringComparison.Ordinal)
                ? null
                : $"{Path} has no entry for `{dependency.Name}@{dependency.Spec}`";
        }

        return _versions[key] is { } locked && dependency.Range is { } range && NpmVersion.TryParse(locked) is { } version
            && !range.IsSatisfiedBy(version)
            ? $"{Path} locks `{dependency.Name}@{locked}`, which does not satisfy `{dependency.Spec}` in package.json"
            : null;
    }
}
