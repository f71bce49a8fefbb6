using System.Text.Json;

namespace Airlock.Readiness.Dependencies;

/// <summary>
/// npm's package-lock.json or npm-shrinkwrap.json: version 2 and 3 through <c>packages</c> (with workspaces), version 1
/// through <c>dependencies</c> (root package only).
/// </summary>
internal sealed class PackageLockFile : INpmLockFile
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true };
    private readonly JsonElement _root;

    private PackageLockFile(string path, JsonElement root)
    {
        Path = path;
        _root = root;
    }

    public string Path { get; }

    public static PackageLockFile? TryParse(string path, string text, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return new PackageLockFile(path, document.RootElement.Clone());
            }

            error = "not a JSON object";
            return null;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }

    public string? Verify(string importer, NpmDependency dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        var root = _root;
        if (root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object)
        {
            return VerifyPackages(packages, importer, dependency);
        }

        if (importer.Length == 0 && root.TryGetProperty("dependencies", out var legacy) && legacy.ValueKind == JsonValueKind.Object)
        {
            return legacy.TryGetProperty(dependency.Name, out var entry)
                ? VerifyVersion(Text(entry, "version"), dependency)
                : $"`{dependency.Name}` is not in {Path}";
        }

        return importer.Length == 0 ? $"{Path} records no packages" : null;
    }

    private string? VerifyPackages(JsonElement packages, string importer, NpmDependency dependency)
    {
        // npm ci refuses a lock whose record of package.json differs from package.json itself.
        if (packages.TryGetProperty(importer, out var record) && record.ValueKind == JsonValueKind.Object)
        {
            var recorded = NpmManifest.Sections
                .Select(s => record.TryGetProperty(s, out var section) && section.ValueKind == JsonValueKind.Object
                    && section.TryGetProperty(dependency.Name, out var spec) && spec.ValueKind == JsonValueKind.String
                    ? spec.GetString()
                    : null)
                .FirstOrDefault(s => s is not null);
            if (recorded is null)
            {
                return $"`{dependency.Name}` was added to package.json after {Path} was written";
            }

            if (recorded != dependency.Spec)
            {
                return $"{Path} records `{dependency.Name}@{recorded}`, package.json asks for `{dependency.Spec}`";
            }
        }

        // Node's resolution: the nearest node_modules folder up from the importer.
        var folder = importer;
        while (true)
        {
            var key = folder.Length == 0 ? $"node_modules/{dependency.Name}" : $"{folder}/node_modules/{dependency.Name}";
            if (packages.TryGetProperty(key, out var entry) && entry.ValueKind == JsonValueKind.Object)
            {
                if (entry.TryGetProperty("link", out var link) && link.ValueKind == JsonValueKind.True
                    && Text(entry, "resolved") is { } target && packages.TryGetProperty(target, out var linked))
                {
                    entry = linked;
                }

                return VerifyVersion(Text(entry, "version"), dependency);
            }

            if (folder.Length == 0)
            {
                return $"`{dependency.Name}` is not in {Path}";
            }

            folder = folder.Contains('/', StringComparison.Ordinal) ? folder[..folder.LastIndexOf('/')] : string.Empty;
        }
    }

    private string? VerifyVersion(string? locked, NpmDependency dependency)
    {
        if (locked is null || dependency.Range is not { } range || NpmVersion.TryParse(locked) is not { } version)
        {
            return null;
        }

        return range.IsSatisfiedBy(version)
            ? null
            : $"{Path} locks `{dependency.Name}@{locked}`, which does not satisfy `{dependency.Spec}` in package.json";
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
