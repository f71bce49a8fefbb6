namespace Airlock.Readiness.Git;

/// <summary>One version of a path as it entered history: the blob it held and the oldest commit that added it there.</summary>
/// <param name="Path">Repository-relative path with forward slashes.</param>
/// <param name="BlobId">The blob's object id.</param>
/// <param name="Size">Size in bytes, or -1 when the object is missing (shallow or partial clone).</param>
/// <param name="FirstCommit">The oldest commit (across all refs) whose diff introduced this blob at this path.</param>
/// <param name="FirstCommitOrder">Where <paramref name="FirstCommit"/> sits in the walk, 0 for the oldest commit: orders findings by age.</param>
internal sealed record HistoryBlob(string Path, string BlobId, long Size, string FirstCommit, int FirstCommitOrder);
