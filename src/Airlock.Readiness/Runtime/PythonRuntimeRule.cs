using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;
using Airlock.Readiness.Toml;

namespace Airlock.Readiness.Runtime;

/// <summary>Python: a version file or a bounded <c>requires-python</c> tells the platform which interpreter to use.</summary>
internal static class PythonRuntimeRule
{
    public static RubricRow Evaluate(WorkingTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var row = RuntimeRow.Create(
            "python",
            "The Python version is not pinned, so the platform picks its default interpreter",
            "One of: .python-version, runtime.txt (`python-3.x.y`), Pipfile [requires] python_version, pyproject.toml "
            + "requires-python or [tool.poetry.dependencies] python; a lower bound alone (`>=3.10`) warns",
            "Commit .python-version (`3.12`) or runtime.txt (`python-3.12.7`), or bound requires-python (`>=3.12,<3.13`).");
        var present = tree.Files.Any(f => f.EndsWith(".py", StringComparison.Ordinal))
            || tree.Named("pyproject.toml", "Pipfile", "setup.py", "setup.cfg").Any()
            || tree.Files.Any(f => WorkingTree.NameOf(f).StartsWith("requirements", StringComparison.Ordinal) && f.EndsWith(".txt", StringComparison.Ordinal));
        if (!present)
        {
            return row.Skipped("No Python code or manifest in the repository.");
        }

        var exact = new List<Evidence>();
        var loose = new List<Evidence>();
        var unparsed = new List<Evidence>();
        foreach (var path in tree.Named(".python-version", "runtime.txt"))
        {
            var version = tree.ReadText(path)?.Trim().Split('\n')[0].Trim();
            if (!string.IsNullOrEmpty(version))
            {
                exact.Add(new Evidence($"pins `{version}`") { File = path, Line = 1 });
            }
        }

        foreach (var path in tree.Named("pyproject.toml", "Pipfile"))
        {
            if (TomlManifest.Read(tree, path, unparsed) is not { } toml)
            {
                continue;
            }

            (string Table, string Key)[] keys =
            [
                ("project", "requires-python"), ("tool.poetry.dependencies", "python"),
                ("requires", "python_version"), ("requires", "python_full_version"),
            ];
            foreach (var (table, key) in keys)
            {
                if (toml.Table(table)?.String(key) is not { Value: string spec } value)
                {
                    continue;
                }

                var evidence = new Evidence($"{key} = `{spec}`") { File = path, Line = value.Line };
                (IsBounded(key, spec) ? exact : loose).Add(evidence);
            }
        }

        return exact.Count > 0
            ? row.Pass($"Python pinned: {exact[0].Message} in {exact[0].File}.", [.. exact, .. loose, .. unparsed])
            : loose.Count > 0
                ? row.Warn($"Only a lower bound ({loose[0].Message}): the platform may pick the newest Python.", [.. loose, .. unparsed])
                : unparsed.Count > 0
                    ? row.Warn($"{unparsed[0].File} is not valid TOML, so its Python version could not be read.", [.. unparsed])
                    : row.Fail("Python code without a pinned Python version.");
    }

    /// <summary>Pipfile versions are exact; a PEP 440 specifier is bounded with ==, ~=, a &lt; or a Poetry caret/tilde.</summary>
    private static bool IsBounded(string key, string spec) =>
        key.StartsWith("python_", StringComparison.Ordinal)
        || spec.Contains("==", StringComparison.Ordinal)
        || spec.Contains("~=", StringComparison.Ordinal)
        || spec.Contains('<', StringComparison.Ordinal)
        || spec.TrimStart().StartsWith('^')
        || spec.TrimStart().StartsWith('~')
        || char.IsDigit(spec.TrimStart().FirstOrDefault());
}
