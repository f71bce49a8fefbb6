using System.Collections.Immutable;

namespace Airlock.Readiness.Secrets.Rules;

/// <summary>The <c>[extend]</c> table of a gitleaks config: which base config the file adds to.</summary>
internal sealed record GitleaksExtend(bool UseDefault, string? Path, ImmutableArray<string> DisabledRules, RuleLocation DefinedAt);
