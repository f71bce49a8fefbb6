using System.Collections.Immutable;

namespace Airlock.Readiness.Secrets.WorkingTree;

/// <summary>What one working-tree scan covered.</summary>
/// <param name="Scanned">Text files handed to detection.</param>
/// <param name="Binary">Files skipped as binary (a NUL byte in their first 8000 bytes, as git decides).</param>
/// <param name="Skipped">Files not scanned for another reason (too large, unreadable).</param>
internal sealed record WorkingTreeScanStats(int Scanned, int Binary, ImmutableArray<SkippedFile> Skipped);
