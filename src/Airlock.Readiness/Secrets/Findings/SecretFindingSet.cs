using System.Collections.Concurrent;
using Airlock.Readiness.Redaction;

namespace Airlock.Readiness.Secrets.Findings;

/// <summary>
/// Collects findings from concurrent detector threads, one per fingerprint: for history it keeps the
/// oldest commit that added the secret, for the working tree the first line holding it.
/// </summary>
internal sealed class SecretFindingSet
{
    private readonly ConcurrentDictionary<string, SecretFinding> _findings = new(StringComparer.Ordinal);

    public int Count => _findings.Count;

    public void AddFromHistory(string ruleId, string? description, string path, string secret, string commit, int line, long order)
    {
        var candidate = Create(ruleId, description, path, secret) with
        {
            Commit = commit,
            HistoryLine = line,
            HistoryOccurrences = 1,
            HistoryOrder = order,
        };
        _findings.AddOrUpdate(candidate.Fingerprint, candidate, (_, existing) =>
        {
            var older = existing.HistoryOrder >= order ? existing : existing with
            {
                Commit = commit,
                HistoryLine = line,
                HistoryOrder = order,
            };
            return older with { HistoryOccurrences = existing.HistoryOccurrences + 1 };
        });
    }

    public void AddFromWorkingTree(string ruleId, string? description, string path, string secret, int line)
    {
        var candidate = Create(ruleId, description, path, secret) with { WorkingTreeLine = line };
        _findings.AddOrUpdate(candidate.Fingerprint, candidate, (_, existing) =>
            existing.WorkingTreeLine is { } seen && seen <= line ? existing : existing with { WorkingTreeLine = line });
    }

    /// <summary>Every finding, by path, then line, then rule.</summary>
    public IReadOnlyList<SecretFinding> ToList() =>
        [.. _findings.Values
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.WorkingTreeLine ?? f.HistoryLine ?? 0)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Fingerprint, StringComparer.Ordinal)];

    private static SecretFinding Create(string ruleId, string? description, string path, string secret) => new()
    {
        RuleId = ruleId,
        Description = description,
        Path = path,
        Fingerprint = SecretFingerprint.Compute(ruleId, path, secret),
        RedactedValue = secret.Length == 0 ? null : SecretRedactor.Redact(secret),
    };
}
