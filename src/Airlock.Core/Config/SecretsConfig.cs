using System.Collections.Immutable;

namespace Airlock.Core.Config;

/// <summary>Settings of the secrets scan.</summary>
public sealed record SecretsConfig
{
    public const string DefaultBaseline = ".airlock/secrets-baseline.json";

    /// <summary>A gitleaks-format rules file, relative to the repository; null means auto-detect <c>.gitleaks.toml</c>.</summary>
    public string? Rules { get; init; }

    /// <summary>Accepted findings, by fingerprint, relative to the repository.</summary>
    public string Baseline { get; init; } = DefaultBaseline;

    /// <summary>Extra path regexes never scanned.</summary>
    public ImmutableArray<string> AllowPaths { get; init; } = [];
}
