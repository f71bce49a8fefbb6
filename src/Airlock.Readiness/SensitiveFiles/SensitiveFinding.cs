namespace Airlock.Readiness.SensitiveFiles;

/// <summary>A sensitive file found at a path.</summary>
internal sealed record SensitiveFinding(string Path, SensitiveFileKind Kind);
