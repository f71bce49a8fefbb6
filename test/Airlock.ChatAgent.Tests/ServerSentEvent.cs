namespace Airlock.ChatAgent.Tests;

/// <summary>One parsed event, or a comment line (Event is null, Comment set).</summary>
internal sealed record ServerSentEvent(string? Id, string? Event, string? Data, string? Comment);
