using Airlock.Readiness.Dependencies;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Runtime;

/// <summary>Node.js: .nvmrc, .node-version, Volta or a bounded <c>engines.node</c> fixes the Node version.</summary>
internal static class NodeRuntimeRule
{
    /// <summary>nvm aliases that move with every release.</summary>
    private static readonly string[] FloatingAliases = ["node", "stable", "latest", "current", "lts/*", "system"];

    public static RubricRow Evaluate(WorkingTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var row = RuntimeRow.Create(
            "node",
            "The Node.js version is not pinned, so the platform picks its default Node",
            "One of: .nvmrc or .node-version with a version (aliases node/stable/lts/* warn), package.json volta.node, or "
            + "engines.node with an upper bound (`^20.11`, `20.x`); an open range (`>=18`) warns",
            "Commit .nvmrc (`20.11.1`) and set `\"engines\": { \"node\": \"^20.11.0\" }` in package.json.");
        var manifests = tree.Named("package.json").Where(p => !p.Split('/').Contains("node_modules")).ToList();
        if (manifests.Count == 0)
        {
            return row.Skipped("No package.json in the repository.");
        }

        var pinned = new List<Evidence>();
        var loose = new List<Evidence>();
        foreach (var path in tree.Named(".nvmrc", ".node-version"))
        {
            var version = tree.ReadText(path)?.Trim().Split('\n')[0].Trim() ?? string.Empty;
            if (version.Length == 0)
            {
                continue;
            }

            var evidence = new Evidence($"`{version}`") { File = path, Line = 1 };
            (FloatingAliases.Contains(version, StringComparer.OrdinalIgnoreCase) ? loose : pinned).Add(evidence);
        }

        foreach (var path in manifests)
        {
            var text = tree.ReadText(path);
            var manifest = text is null ? null : NpmManifest.TryParse(path, text, out _);
            if (manifest?.VoltaNode is { } volta)
            {
                pinned.Add(new Evidence($"volta.node `{volta}`") { File = path, Line = DependencyRow.LineOf(text!, "\"volta\"") });
            }

            if (manifest?.EngineNode is { } engine)
            {
                var evidence = new Evidence($"engines.node `{engine}`") { File = path, Line = DependencyRow.LineOf(text!, "\"engines\"") };
                (NpmRange.TryParse(engine) is { IsBounded: true } ? pinned : loose).Add(evidence);
            }
        }

        return pinned.Count > 0
            ? row.Pass($"Node pinned: {pinned[0].Message} in {pinned[0].File}.", [.. pinned, .. loose])
            : loose.Count > 0
                ? row.Warn($"Node only loosely pinned ({loose[0].Message}): a new major version satisfies it.", [.. loose])
                : row.Fail("package.json without a pinned Node version (.nvmrc, .node-version, volta or engines.node).");
    }
}
