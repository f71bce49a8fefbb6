namespace Airlock.Readiness.Secrets.WorkingTree;

/// <summary>A text file of the working tree, read whole.</summary>
/// <param name="Path">Relative to the repository root, forward slashes.</param>
/// <param name="Content">Its text (invalid UTF-8 replaced by U+FFFD).</param>
internal sealed record WorkingTreeFile(string Path, string Content);
