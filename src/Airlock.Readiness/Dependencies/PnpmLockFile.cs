using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Airlock.Readiness.Dependencies;

/// <summary>
/// pnpm-lock.yaml: each importer (package folder, "." for the root) records the specifier it was resolved from;
/// a specifier that differs from package.json is what <c>pnpm install --frozen-lockfile</c> rejects.
/// Reads lock versions 5.x (<c>specifiers</c>) and 6+ (<c>specifier</c> per dependency).
/// </summary>
internal sealed class PnpmLockFile : INpmLockFile
{
    private readonly YamlMappingNode _root;

    private PnpmLockFile(string path, YamlMappingNode root)
    {
        Path = path;
        _root = root;
    }

    public string Path { get; }

    public static PnpmLockFile? TryParse(string path, string text, out string? error)
    {
        error = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                return new PnpmLockFile(path, root);
            }

            error = "not a YAML mapping";
            return null;
        }
        catch (YamlException e)
        {
            error = e.Message;
            return null;
        }
    }

    public string? Verify(string importer, NpmDependency dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        var project = _root;
        if (Child(_root, "importers") is YamlMappingNode importers)
        {
            if (Child(importers, importer.Length == 0 ? "." : importer) is not YamlMappingNode found)
            {
                return $"{Path} has no importer for `{(importer.Length == 0 ? "." : importer)}`";
            }

            project = found;
        }

        var recorded = Scalar(Child(project, "specifiers"), dependency.Name)
            ?? NpmManifest.Sections.Select(s => Scalar(Child(Child(project, s), dependency.Name), "specifier")).FirstOrDefault(s => s is not null);
        if (recorded is null)
        {
            return $"`{dependency.Name}` is not in {Path}";
        }

        return recorded == dependency.Spec
            ? null
            : $"{Path} records `{dependency.Name}@{recorded}`, package.json asks for `{dependency.Spec}`";
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node, string key) => Child(node, key) is YamlScalarNode scalar ? scalar.Value : null;
}
