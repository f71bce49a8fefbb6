using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Airlock.Readiness.Dependencies;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Runtime;

/// <summary>.NET: global.json pins the SDK and every project sets its target framework.</summary>
internal static class DotnetRuntimeRule
{
    /// <summary>Roll-forward policies that let a newer major SDK build the project, which defeats the pin.</summary>
    private static readonly string[] MajorRollForward = ["major", "latestMajor"];

    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    public static RubricRow Evaluate(WorkingTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var row = RuntimeRow.Create(
            "dotnet",
            "The .NET SDK or target framework is not pinned, so the build machine's newest SDK decides",
            "global.json at the repository root has sdk.version (rollForward major/latestMajor warns); every *.csproj/*.fsproj/*.vbproj sets "
            + "TargetFramework(s) itself or through a Directory.Build.props in its folder or a parent",
            "Add global.json (`dotnet new globaljson --sdk-version <version> --roll-forward latestFeature`) and set "
            + "<TargetFramework> in each project or in Directory.Build.props.");
        var projects = tree.Files.Where(f => ProjectExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))).ToList();
        if (projects.Count == 0)
        {
            return row.Skipped("No .NET project in the repository.");
        }

        var failures = new List<Evidence>();
        var warnings = new List<Evidence>();
        var notes = new List<Evidence>();
        JudgeGlobalJson(tree, warnings, notes);
        foreach (var project in projects)
        {
            var sources = WorkingTree.FolderAndParents(WorkingTree.FolderOf(project))
                .Select(f => WorkingTree.Join(f, "Directory.Build.props"))
                .Where(tree.Contains)
                .Prepend(project);
            if (!sources.Any(s => SetsTargetFramework(tree, s, warnings)))
            {
                failures.Add(new Evidence("no TargetFramework or TargetFrameworks in the project or a Directory.Build.props above it") { File = project });
            }
        }

        var evidence = failures.Concat(warnings).Concat(notes).ToList();
        return failures.Count > 0
            ? row.Fail($"{failures.Count} project(s) without a target framework.", [.. evidence])
            : warnings.Count > 0
                ? row.Warn(warnings[0].Message, [.. evidence])
                : row.Pass($"SDK pinned by global.json; {projects.Count} project(s) set their target framework.", [.. evidence]);
    }

    private static void JudgeGlobalJson(WorkingTree tree, List<Evidence> warnings, List<Evidence> notes)
    {
        const string Path = "global.json";
        if (tree.ReadText(Path) is not { } text)
        {
            warnings.Add(new Evidence("no global.json at the repository root: the newest installed SDK builds it"));
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var sdk = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("sdk", out var s) ? s : default;
            var version = sdk.ValueKind == JsonValueKind.Object && sdk.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var rollForward = sdk.ValueKind == JsonValueKind.Object && sdk.TryGetProperty("rollForward", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            if (version is null)
            {
                warnings.Add(new Evidence("global.json has no sdk.version") { File = Path });
            }
            else if (rollForward is not null && MajorRollForward.Contains(rollForward, StringComparer.OrdinalIgnoreCase))
            {
                warnings.Add(new Evidence($"sdk.version {version} with rollForward `{rollForward}`: any newer major SDK builds it") { File = Path, Line = DependencyRow.LineOf(text, "rollForward") });
            }
            else
            {
                // The default (latestPatch) and feature/minor policies stay inside the pinned major version.
                notes.Add(new Evidence($"sdk.version {version}, rollForward `{rollForward ?? "latestPatch"}`") { File = Path, Line = DependencyRow.LineOf(text, "\"version\"") });
            }
        }
        catch (JsonException e)
        {
            warnings.Add(new Evidence($"global.json is not valid JSON: {e.Message}") { File = Path });
        }
    }

    private static bool SetsTargetFramework(WorkingTree tree, string path, List<Evidence> warnings)
    {
        try
        {
            var text = tree.ReadText(path);
            return text is not null && XDocument.Parse(text).Descendants()
                .Any(e => e.Name.LocalName is "TargetFramework" or "TargetFrameworks" or "TargetFrameworkVersion" && e.Value.Trim().Length > 0);
        }
        catch (XmlException e)
        {
            warnings.Add(new Evidence($"not well-formed XML: {e.Message}") { File = path });
            return false;
        }
    }
}
