namespace Airlock.Readiness.Secrets.Engine;

/// <summary>Tuning of a <see cref="SecretDetector"/>; the defaults are gitleaks' behaviour.</summary>
public sealed record SecretDetectorOptions
{
    public static SecretDetectorOptions Default { get; } = new();

    /// <summary>Longest one regex evaluation may run; a match that times out is skipped and counted.</summary>
    public TimeSpan MatchTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Drop a finding of a rule whose id contains "generic" when a specific rule found a secret containing
    /// the same value on the same line (as gitleaks does), so one secret is reported once, under the
    /// provider that can rotate it.
    /// </summary>
    public bool PreferSpecificRules { get; init; } = true;
}
