namespace Airlock.ChatAgent.Tests.Fakes;

/// <summary>What the fake model server does with one request.</summary>
internal sealed record ModelScript(ModelScript.Kinds Kind)
{
    public enum Kinds
    {
        Text,
        ToolCalls,
        Status,
        EmptyBody,
        NonJson,
        MalformedEvent,
        StallAfter,
        Truncated,
        ErrorEvent,
    }

    public IReadOnlyList<string> Chunks { get; init; } = [];

    public IReadOnlyList<(string Id, string Name, string Arguments)> Calls { get; init; } = [];

    public int StatusCode { get; init; } = 200;

    public string? RetryAfter { get; init; }

    /// <summary>Held until the test releases it (a slow model), then the script runs.</summary>
    public TaskCompletionSource? Gate { get; init; }

    public int InputTokens { get; init; } = 120;

    public int OutputTokens { get; init; } = 30;

    /// <summary>Anthropic only: prompt tokens served from the cache.</summary>
    public int CacheReadTokens { get; init; }

    public static ModelScript Text(params string[] chunks) => new(Kinds.Text) { Chunks = chunks };

    public static ModelScript ToolCalls(params (string Id, string Name, string Arguments)[] calls) => new(Kinds.ToolCalls) { Calls = calls };

    public static ModelScript Status(int status, string? retryAfter = null) => new(Kinds.Status) { StatusCode = status, RetryAfter = retryAfter };

    public static ModelScript EmptyBody() => new(Kinds.EmptyBody);

    public static ModelScript NonJson() => new(Kinds.NonJson);

    /// <summary>The chunks, then an event whose data is cut-off JSON, then the connection closes.</summary>
    public static ModelScript MalformedEvent(params string[] chunksBefore) => new(Kinds.MalformedEvent) { Chunks = chunksBefore };

    /// <summary>The chunks, then nothing until the client gives up.</summary>
    public static ModelScript StallAfter(params string[] chunks) => new(Kinds.StallAfter) { Chunks = chunks };

    /// <summary>The chunks, then the connection closes without the terminal event.</summary>
    public static ModelScript Truncated(params string[] chunks) => new(Kinds.Truncated) { Chunks = chunks };

    /// <summary>The chunks, then the provider's own error event.</summary>
    public static ModelScript ErrorEvent(params string[] chunks) => new(Kinds.ErrorEvent) { Chunks = chunks };
}
