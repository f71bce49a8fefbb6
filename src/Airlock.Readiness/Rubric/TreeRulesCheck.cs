using System.Collections.Immutable;
using Airlock.Readiness.Git;

namespace Airlock.Readiness.Rubric;

/// <summary>
/// A check whose rows are each a pure rule over the working tree's file list (one row per ecosystem, for example):
/// the tree is listed once and every rule reads it.
/// </summary>
internal abstract class TreeRulesCheck(string id, ImmutableArray<Func<WorkingTree, RubricRow>> rules) : IReadinessCheck
{
    public string Id => id;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tree = await WorkingTree.ListAsync(context.Git, context.RepositoryRoot, cancellationToken);
        return [.. rules.Select(rule => rule(tree))];
    }
}
