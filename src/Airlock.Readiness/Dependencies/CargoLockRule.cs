using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;
using Airlock.Readiness.Toml;

namespace Airlock.Readiness.Dependencies;

/// <summary>Rust: a crate that builds a binary has Cargo.lock committed (in its folder or its workspace root).</summary>
/// <remarks>Cargo's own guidance: binaries commit the lock; a library's lock is ignored by its dependents, so none is required.</remarks>
internal static class CargoLockRule
{
    public static RubricRow Evaluate(WorkingTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var row = DependencyRow.Create(
            "cargo",
            "A Rust binary without a committed Cargo.lock: a clean build resolves the newest semver-compatible crates",
            "Each Cargo.toml with a [package] that builds a binary ([[bin]], src/main.rs or src/bin/) must have Cargo.lock in its folder or a parent",
            "Run `cargo generate-lockfile` (or any build), commit Cargo.lock, and build with `cargo build --locked`.");
        var manifests = tree.Named("Cargo.toml").ToList();
        if (manifests.Count == 0)
        {
            return row.Skipped("No Cargo.toml in the repository.");
        }

        var failures = new List<Evidence>();
        var warnings = new List<Evidence>();
        var binaries = 0;
        foreach (var path in manifests)
        {
            var folder = WorkingTree.FolderOf(path);
            if (TomlManifest.Read(tree, path, warnings) is not { } toml)
            {
                continue;
            }

            var isBinary = toml.Table("package") is not null
                && (toml.TryGetValue("bin", out _)
                    || tree.Contains(WorkingTree.Join(folder, "src/main.rs"))
                    || tree.Files.Any(f => f.StartsWith(WorkingTree.Join(folder, "src/bin/"), StringComparison.Ordinal)));
            if (!isBinary)
            {
                continue;
            }

            binaries++;
            if (!WorkingTree.FolderAndParents(folder).Any(f => tree.Contains(WorkingTree.Join(f, "Cargo.lock"))))
            {
                failures.Add(new Evidence("builds a binary but no Cargo.lock is committed here or in a parent folder") { File = path });
            }
        }

        return row.Conclude(
            failures,
            warnings,
            $"{failures.Count} Rust binary crate(s) without Cargo.lock.",
            $"{warnings.Count} Cargo.toml file(s) could not be parsed.",
            binaries == 0 ? "Only library crates: they need no lock." : $"{binaries} binary crate(s) locked.");
    }
}
