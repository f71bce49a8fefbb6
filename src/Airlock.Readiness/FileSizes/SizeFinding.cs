namespace Airlock.Readiness.FileSizes;

/// <summary>A file at or over a threshold.</summary>
internal sealed record SizeFinding(string Path, long Size, SizeLevel Level, string? Commit);
