using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;
using Airlock.Readiness.Toml;

namespace Airlock.Readiness.Dependencies;

/// <summary>Python: requirements files pin with <c>==</c>, and pyproject.toml/Pipfile projects commit a lock.</summary>
internal static class PipPinRule
{
    /// <summary>Lock files of Python project managers (Poetry, uv, PDM, PEP 751, Pipenv).</summary>
    public static readonly string[] LockNames = ["poetry.lock", "uv.lock", "pdm.lock", "pylock.toml", "Pipfile.lock"];

    public static RubricRow Evaluate(WorkingTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var row = DependencyRow.Create(
            "pip",
            "Python requirements are not pinned with ==, or pyproject.toml/Pipfile has no lock: pip installs the newest releases",
            "Every requirement line of requirements*.txt and requirements/*.txt (comments, -r/-c/--hash options and local paths skipped) "
            + "must be `name==version` (or a VCS URL at a full commit); a pyproject.toml with dependencies or a Pipfile needs "
            + string.Join(", ", LockNames) + " or a fully pinned requirements file in its folder",
            "Pin with `pip freeze > requirements.txt` or `pip-compile` (pip-tools), or commit the lock of your tool "
            + "(`poetry lock`, `uv lock`, `pdm lock`, `pipenv lock`) and install from it.");
        var requirementFiles = tree.Files.Where(IsRequirementsFile).ToList();
        var projects = tree.Named("pyproject.toml", "Pipfile").ToList();
        if (requirementFiles.Count == 0 && projects.Count == 0)
        {
            return row.Skipped("No requirements*.txt, pyproject.toml or Pipfile in the repository.");
        }

        var failures = new List<Evidence>();
        var warnings = new List<Evidence>();
        var pinnedFolders = new HashSet<string>(StringComparer.Ordinal);
        var requirements = 0;
        foreach (var path in requirementFiles)
        {
            if (tree.ReadText(path) is not { } text)
            {
                warnings.Add(new Evidence("could not be read") { File = path });
                continue;
            }

            var parsed = PipRequirement.Parse(text).ToList();
            requirements += parsed.Count;
            failures.AddRange(parsed.Where(r => !r.IsPinned)
                .Select(r => new Evidence($"`{r.Text}` is not pinned with ==") { File = path, Line = r.Line }));
            if (parsed.Count > 0 && parsed.All(r => r.IsPinned))
            {
                pinnedFolders.Add(WorkingTree.FolderOf(path));
            }
        }

        foreach (var path in projects)
        {
            var folder = WorkingTree.FolderOf(path);
            if (TomlManifest.Read(tree, path, warnings) is not { } toml || !DeclaresDependencies(path, toml))
            {
                continue;
            }

            var locked = LockNames.Any(name => tree.Contains(WorkingTree.Join(folder, name)))
                || tree.Files.Any(f => WorkingTree.FolderOf(f) == folder && WorkingTree.NameOf(f).StartsWith("pylock.", StringComparison.Ordinal))
                || pinnedFolders.Contains(folder);
            if (!locked)
            {
                failures.Add(new Evidence($"{WorkingTree.NameOf(path)} declares dependencies and no lock file is committed beside it") { File = path });
            }
        }

        return row.Conclude(
            failures,
            warnings,
            $"{failures.Count} unpinned Python requirement(s) or unlocked project(s).",
            $"{warnings.Count} file(s) could not be read.",
            $"{requirements} requirement(s) pinned; projects locked.");
    }

    private static bool IsRequirementsFile(string path)
    {
        var name = WorkingTree.NameOf(path);
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            && (name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase)
                || WorkingTree.NameOf(WorkingTree.FolderOf(path)).Equals("requirements", StringComparison.OrdinalIgnoreCase));
    }

    private static bool DeclaresDependencies(string path, TomlTable toml)
    {
        if (WorkingTree.NameOf(path) == "Pipfile")
        {
            return toml.Table("packages")?.Keys.Any() is true || toml.Table("dev-packages")?.Keys.Any() is true;
        }

        var groups = toml.Table("tool.poetry.group");
        return toml.Table("project")?.Strings("dependencies").Count > 0
            || toml.Table("tool.poetry.dependencies")?.Keys.Any(k => k != "python") is true
            || groups?.Keys.Any(g => groups.Table(g)?.Table("dependencies")?.Keys.Any() is true) is true;
    }
}
