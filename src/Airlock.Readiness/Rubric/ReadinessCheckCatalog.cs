namespace Airlock.Readiness.Rubric;

/// <summary>Every static check <c>airlock check</c> runs, in rubric order.</summary>
internal static class ReadinessCheckCatalog
{
    public static IReadOnlyList<IReadinessCheck> CreateAll() =>
    [
        new Secrets.SecretsCheck(),
    ];
}
