namespace Airlock.Rollouts.Store;

/// <summary>The live revision of a service and the one before it (for <c>undo</c>).</summary>
public sealed record StableRecord(string Service, string Revision, string? Previous, DateTimeOffset Since);
