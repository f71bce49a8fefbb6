using Airlock.Readiness.Secrets.Rules;

namespace Airlock.Readiness.Secrets;

/// <summary>The rule set a scan uses and, in words, where it came from.</summary>
/// <param name="Rules">The loaded rules.</param>
/// <param name="Origin">"default rules", "--rules x.toml", ".gitleaks.toml (auto-detected)", "secrets.rules x.toml".</param>
internal sealed record SecretsRulesChoice(SecretRuleSet Rules, string Origin);
