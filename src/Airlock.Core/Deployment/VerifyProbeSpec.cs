using System.Collections.Immutable;
using Airlock.Core.Config;

namespace Airlock.Core.Deployment;

/// <summary>
/// One request sent to a candidate before it gets any traffic, with what it must answer; for example a known-bad
/// input that must return the app's own error.
/// </summary>
public sealed record VerifyProbeSpec
{
    public required string Name { get; init; }

    public string Method { get; init; } = "GET";

    public required string Path { get; init; }

    public ImmutableDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string? Body { get; init; }

    public int ExpectStatus { get; init; } = 200;

    /// <summary>A substring the response body must contain.</summary>
    public string? ExpectBody { get; init; }

    /// <summary>A JSON value the body must hold: a dotted path (<c>code</c>, <c>error.kind</c>) and its expected text.</summary>
    public string? ExpectJsonPath { get; init; }

    public string? ExpectJsonEquals { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public ConfigLocation Source { get; init; }
}
