using System.Collections.Immutable;

namespace Airlock.Core.Config.Live;

/// <summary>What a probe's response must show: a status, a body fragment, JSON values at simple paths.</summary>
public sealed record LiveExpectConfig
{
    public int Status { get; init; } = 200;

    /// <summary>Text the body must contain (case-sensitive).</summary>
    public string? BodyContains { get; init; }

    /// <summary>JSON path (<c>a.b[0].c</c>, <c>items.length</c>) to the value's text (<c>true</c>, <c>42</c>, <c>ok</c>).</summary>
    public ImmutableDictionary<string, string> Json { get; init; } = ImmutableDictionary<string, string>.Empty;
}
