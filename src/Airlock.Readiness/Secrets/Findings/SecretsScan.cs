using Airlock.Readiness.Secrets.History;
using Airlock.Readiness.Secrets.WorkingTree;

namespace Airlock.Readiness.Secrets.Findings;

/// <summary>Everything one secrets scan saw, before the baseline is applied.</summary>
internal sealed record SecretsScan
{
    public required SecretsRulesChoice Rules { get; init; }

    public required IReadOnlyList<SecretFinding> Findings { get; init; }

    /// <summary>Null when history was not scanned (no commits yet, or git failed: see <see cref="HistoryError"/>).</summary>
    public HistoryScanStats? History { get; init; }

    public string? HistoryError { get; init; }

    public required WorkingTreeScanStats WorkingTree { get; init; }

    /// <summary>Regex evaluations the engine abandoned at its timeout: text that was not fully checked.</summary>
    public long TimedOutMatches { get; init; }
}
