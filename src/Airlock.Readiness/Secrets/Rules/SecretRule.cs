using System.Collections.Immutable;

namespace Airlock.Readiness.Secrets.Rules;

/// <summary>
/// One detection rule, in the shape of a gitleaks rule: regexes are kept as written (Go RE2 syntax)
/// and compiled by the engine, so a loaded config can be reported on faithfully.
/// </summary>
public sealed record SecretRule
{
    public required string Id { get; init; }

    public string? Description { get; init; }

    /// <summary>The content regex; null for a path-only rule.</summary>
    public string? Regex { get; init; }

    /// <summary>The capture group holding the secret; 0 means "the first non-empty group, else the match".</summary>
    public int SecretGroup { get; init; }

    /// <summary>Minimum Shannon entropy (bits per character) of the secret; null means no threshold.</summary>
    public double? Entropy { get; init; }

    /// <summary>Lower-case keywords; when any is set, the rule runs only on text containing one.</summary>
    public ImmutableArray<string> Keywords { get; init; } = [];

    /// <summary>A regex the file path must match for the rule to apply.</summary>
    public string? Path { get; init; }

    public ImmutableArray<SecretAllowlist> Allowlists { get; init; } = [];

    /// <summary>Tags from the config, reported as-is.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Where the rule's table starts, for errors.</summary>
    public RuleLocation? DefinedAt { get; init; }

    /// <summary>Where the regex was written, for compile errors.</summary>
    public RuleLocation? RegexDefinedAt { get; init; }
}
