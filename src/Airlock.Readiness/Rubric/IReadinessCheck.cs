namespace Airlock.Readiness.Rubric;

/// <summary>One failure-mode family, tested statically against a repository.</summary>
public interface IReadinessCheck
{
    /// <summary>Stable id: the key of <c>owners</c> in airlock.yaml and the prefix of row ids.</summary>
    string Id { get; }

    /// <summary>Runs the check. Returns at least one row; a check that cannot run returns skipped rows with the reason.</summary>
    Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken);
}
