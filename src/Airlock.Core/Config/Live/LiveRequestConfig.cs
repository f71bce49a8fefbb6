using System.Collections.Immutable;

namespace Airlock.Core.Config.Live;

/// <summary>One HTTP request a probe sends: always to the target's origin, the path relative to it.</summary>
public sealed record LiveRequestConfig
{
    public string Method { get; init; } = "GET";

    /// <summary>Starts with '/'; never a full URL, so a probe cannot leave the target.</summary>
    public required string Path { get; init; }

    public ImmutableDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string? Body { get; init; }

    /// <summary>"POST /agent/run" for the row's Test text.</summary>
    public override string ToString() => $"{Method} {Path}";
}
