using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Dependencies;

/// <summary>npm, Yarn and pnpm: every package.json with dependencies has a lock file, and the lock still matches it.</summary>
internal static class NpmLockRule
{
    /// <summary>Lock files in the order the package managers prefer them.</summary>
    public static readonly string[] LockNames = ["npm-shrinkwrap.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"];

    public static RubricRow Evaluate(WorkingTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var row = DependencyRow.Create(
            "npm",
            "A package.json without a lock file, or with a lock that no longer matches it: a clean install resolves newer releases",
            "For each package.json: a lock file (" + string.Join(", ", LockNames) + ") in its folder or a parent; every "
            + "dependency, devDependency and optionalDependency is in the lock with the same spec and a locked version that satisfies the range",
            "Run `npm install` (or `yarn`, `pnpm install`) and commit the lock file; install in CI with `npm ci` "
            + "(`yarn install --immutable`, `pnpm install --frozen-lockfile`), which fail when the lock is stale.");
        var manifests = tree.Named("package.json").Where(p => !p.Split('/').Contains("node_modules")).ToList();
        if (manifests.Count == 0)
        {
            return row.Skipped("No package.json in the repository.");
        }

        var failures = new List<Evidence>();
        var warnings = new List<Evidence>();
        var locks = new Dictionary<string, INpmLockFile?>(StringComparer.Ordinal);
        var judged = 0;
        foreach (var path in manifests)
        {
            var text = tree.ReadText(path);
            var manifest = text is null ? null : NpmManifest.TryParse(path, text, out var error) ?? Malformed(warnings, path, error);
            if (manifest is null || manifest.Dependencies.Count == 0)
            {
                continue;
            }

            judged++;
            var lockPath = WorkingTree.FolderAndParents(manifest.Folder)
                .SelectMany(folder => LockNames.Select(name => WorkingTree.Join(folder, name)))
                .FirstOrDefault(tree.Contains);
            if (lockPath is null)
            {
                failures.Add(new Evidence($"{manifest.Dependencies.Count} dependencies and no lock file in this folder or a parent") { File = path });
                continue;
            }

            if (!locks.TryGetValue(lockPath, out var lockFile))
            {
                lockFile = Load(tree, lockPath, warnings);
                locks[lockPath] = lockFile;
            }

            if (lockFile is null)
            {
                continue;
            }

            var lockFolder = WorkingTree.FolderOf(lockPath);
            var importer = lockFolder == manifest.Folder ? string.Empty
                : lockFolder.Length == 0 ? manifest.Folder
                : manifest.Folder[(lockFolder.Length + 1)..];
            foreach (var dependency in manifest.Dependencies)
            {
                if (lockFile.Verify(importer, dependency) is { } problem)
                {
                    failures.Add(new Evidence(problem) { File = path, Line = DependencyRow.LineOf(text!, $"\"{dependency.Name}\"") });
                }
            }
        }

        return row.Conclude(
            failures,
            warnings,
            $"{failures.Count} lock problem(s) across {judged} package.json file(s) with dependencies.",
            $"{warnings.Count} file(s) could not be read; the rest are locked.",
            judged == 0 ? "No package.json declares dependencies: nothing to lock." : $"{judged} package.json file(s) locked and in sync.");
    }

    private static NpmManifest? Malformed(List<Evidence> warnings, string path, string? error)
    {
        warnings.Add(new Evidence($"not valid JSON, not judged: {error}") { File = path });
        return null;
    }

    private static INpmLockFile? Load(WorkingTree tree, string lockPath, List<Evidence> warnings)
    {
        var name = WorkingTree.NameOf(lockPath);
        if (name.StartsWith("bun.", StringComparison.Ordinal))
        {
            // bun.lockb is binary; its presence pins, but its sync with package.json is not verified.
            return null;
        }

        var text = tree.ReadText(lockPath, 256 * 1024 * 1024);
        if (text is null)
        {
            warnings.Add(new Evidence("lock file could not be read") { File = lockPath });
            return null;
        }

        string? error = null;
        INpmLockFile? parsed = name switch
        {
            "yarn.lock" => YarnLockFile.Parse(lockPath, text),
            "pnpm-lock.yaml" => PnpmLockFile.TryParse(lockPath, text, out error),
            _ => PackageLockFile.TryParse(lockPath, text, out error),
        };
        if (parsed is null)
        {
            warnings.Add(new Evidence($"lock file is malformed, sync not verified: {error}") { File = lockPath });
        }

        return parsed;
    }
}
