using System.Text.Json;

namespace Airlock.Readiness.Dependencies;

/// <summary>The parts of a package.json the pinning checks read.</summary>
internal sealed class NpmManifest
{
    /// <summary>Sections npm installs (peer dependencies are the consumer's to install).</summary>
    public static readonly string[] Sections = ["dependencies", "devDependencies", "optionalDependencies"];

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private NpmManifest(string path, IReadOnlyList<NpmDependency> dependencies, string? engineNode, string? voltaNode)
    {
        Path = path;
        Dependencies = dependencies;
        EngineNode = engineNode;
        VoltaNode = voltaNode;
    }

    /// <summary>Repository-relative path of the package.json.</summary>
    public string Path { get; }

    public IReadOnlyList<NpmDependency> Dependencies { get; }

    /// <summary><c>engines.node</c>, when set.</summary>
    public string? EngineNode { get; }

    /// <summary><c>volta.node</c>, when set (Volta pins the exact Node version).</summary>
    public string? VoltaNode { get; }

    /// <summary>Folder of the package.json relative to the repository root ("" for the root).</summary>
    public string Folder => Path.Contains('/', StringComparison.Ordinal) ? Path[..Path.LastIndexOf('/')] : string.Empty;

    /// <summary>Parses package.json text; returns null and the parser's message when it is not valid JSON.</summary>
    public static NpmManifest? TryParse(string path, string text, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "package.json is not a JSON object";
                return null;
            }

            var dependencies = new List<NpmDependency>();
            foreach (var section in Sections)
            {
                if (root.TryGetProperty(section, out var entries) && entries.ValueKind == JsonValueKind.Object)
                {
                    dependencies.AddRange(entries.EnumerateObject()
                        .Where(e => e.Value.ValueKind == JsonValueKind.String)
                        .Select(e => new NpmDependency(e.Name, e.Value.GetString()!, section)));
                }
            }

            return new NpmManifest(path, dependencies, StringAt(root, "engines", "node"), StringAt(root, "volta", "node"));
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static string? StringAt(JsonElement root, string section, string key) =>
        root.TryGetProperty(section, out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty(key, out var entry) && entry.ValueKind == JsonValueKind.String
            ? entry.GetString()
            : null;
}
