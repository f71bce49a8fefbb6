namespace Airlock.Core.Config.Live;

/// <summary>Row 3: where the service says what it runs, and what it should say.</summary>
public sealed record LiveVersionConfig
{
    public string Path { get; init; } = "/version";

    /// <summary>JSON path of the revision in the response.</summary>
    public string Field { get; init; } = "revision";

    /// <summary>The revision that was deployed; <c>--expect-revision</c> overrides it; null means the repository's HEAD.</summary>
    public string? Expect { get; init; }
}
