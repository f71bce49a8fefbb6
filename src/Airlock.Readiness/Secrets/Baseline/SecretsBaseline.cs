using System.Collections.Immutable;

namespace Airlock.Readiness.Secrets.Baseline;

/// <summary>Accepted findings, by fingerprint, as read from a baseline file.</summary>
internal sealed record SecretsBaseline
{
    public const int FormatVersion = 1;

    public static SecretsBaseline Empty { get; } = new();

    /// <summary>The file read, or null when there was none.</summary>
    public string? Path { get; init; }

    public ImmutableDictionary<string, BaselineEntry> Entries { get; init; } =
        ImmutableDictionary<string, BaselineEntry>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>SHA-256 of the file's bytes as read, so a writer can tell whether someone changed it since.</summary>
    public string? ContentHash { get; init; }

    public bool Accepts(string fingerprint) => Entries.ContainsKey(fingerprint);
}
