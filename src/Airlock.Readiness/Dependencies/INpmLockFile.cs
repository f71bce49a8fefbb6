namespace Airlock.Readiness.Dependencies;

/// <summary>A JavaScript lock file that can tell whether it still matches a package.json.</summary>
internal interface INpmLockFile
{
    /// <summary>Repository-relative path of the lock file.</summary>
    string Path { get; }

    /// <summary>
    /// Null when the lock covers <paramref name="dependency"/> of the package in <paramref name="importer"/> (the
    /// package's folder relative to the lock's, "" for the same folder); otherwise why it does not.
    /// </summary>
    string? Verify(string importer, NpmDependency dependency);
}
