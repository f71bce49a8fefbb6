using System.Collections.Immutable;
using System.Globalization;
using Airlock.Rollouts.Routing;

namespace Airlock.Rollouts.Controller;

public sealed partial class RolloutEngine
{
    /// <summary>
    /// Sends <paramref name="candidatePercent"/> to the active candidate and the rest to <paramref name="stable"/>, in one
    /// router update, verified as applied. Revisions being retired stay in the route at weight 0 so they drain.
    /// </summary>
    private async Task ApplyWeightsAsync(string? stable, int candidatePercent, CancellationToken cancellationToken)
    {
        var active = _active!;
        var weights = new List<(string Revision, int Weight)> { (active.Candidate, candidatePercent) };
        if (stable is not null)
        {
            weights.Add((stable, 100 - candidatePercent));
        }

        await ApplyRouteAsync(weights, string.Create(CultureInfo.InvariantCulture, $"{Service}-rollout-{active.Id}"), cancellationToken);
    }

    private async Task ApplyRouteAsync(IReadOnlyList<(string Revision, int Weight)> weights, string? salt, CancellationToken cancellationToken)
    {
        var listed = weights.Select(w => w.Revision).ToHashSet(StringComparer.Ordinal);
        var revisions = weights
            .Where(w => _instances.ContainsKey(w.Revision))
            .Select(w => new RouteRevision(w.Revision, _instances[w.Revision].Url, w.Weight))
            .Concat(_retireAt.Keys
                .Where(name => !listed.Contains(name) && _instances.ContainsKey(name))
                .Select(name => new RouteRevision(name, _instances[name].Url, 0)))
            .ToImmutableArray();
        if (revisions.All(revision => revision.Weight == 0))
        {
            throw new RouterException($"refusing to apply a route for {Service} with no revision taking traffic");
        }

        var current = await ReadRouteAsync(revisions, salt, cancellationToken);
        var desired = current with { Salt = salt ?? current.Salt, Revisions = revisions };
        var applied = await _services.Router.ApplyAsync(desired, cancellationToken);
        var weightsText = string.Join(", ", applied.Revisions.Select(r => $"{r.Name}={r.Weight}"));
        LogRouteApplied(_services.Logger, Service, applied.Version, weightsText);
    }

    /// <summary>The route as served; when no router answers yet, the router host starts one with the desired table first.</summary>
    private async Task<RouteState> ReadRouteAsync(ImmutableArray<RouteRevision> revisions, string? salt, CancellationToken cancellationToken)
    {
        try
        {
            return await _services.Router.ReadAsync(cancellationToken);
        }
        catch (RouterException) when (_services.RouterHost is not null)
        {
            await _services.RouterHost.EnsureRunningAsync(new RouteState(Service, 0, salt ?? Service, revisions), cancellationToken);
            return await _services.Router.ReadAsync(cancellationToken);
        }
    }
}
