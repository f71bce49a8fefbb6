namespace Airlock.Readiness.Secrets.WorkingTree;

/// <summary>A working-tree file that was not scanned, and why.</summary>
internal sealed record SkippedFile(string Path, string Reason);
