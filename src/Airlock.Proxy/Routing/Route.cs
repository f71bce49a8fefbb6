using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Routing;

/// <summary>
/// A path prefix served by a set of revisions. Immutable: a change builds a new route and a new table.
/// A class, not a record, so that no <c>with</c> copy can carry boundaries computed for other weights.
/// </summary>
/// <param name="Salt">Per rollout, so that the same users are not the canary every time.</param>
/// <param name="ConversationHeader">The header carrying a conversation id, for affinity; null turns affinity off.</param>
internal sealed class Route(
    string Name,
    PathString PathPrefix,
    string Salt,
    UserKeySource UserKey,
    string? ConversationHeader,
    ImmutableArray<Revision> Revisions,
    ImmutableArray<RingRule> Rings)
{
    public string Name { get; } = Name;

    public PathString PathPrefix { get; } = PathPrefix;

    public string Salt { get; } = Salt;

    public UserKeySource UserKey { get; } = UserKey;

    public string? ConversationHeader { get; } = ConversationHeader;

    public ImmutableArray<Revision> Revisions { get; } = Revisions;

    public ImmutableArray<RingRule> Rings { get; } = Rings;

    /// <summary>Exclusive upper bucket of each revision's share: revision i owns [boundary[i-1], boundary[i]).</summary>
    public ImmutableArray<int> Boundaries { get; } = ComputeBoundaries(Revisions);

    public Revision? Find(string name)
    {
        foreach (var revision in Revisions)
        {
            if (string.Equals(revision.Name, name, StringComparison.Ordinal))
            {
                return revision;
            }
        }

        return null;
    }

    public Revision ForBucket(int bucket)
    {
        var boundaries = Boundaries;
        for (var i = 0; i < boundaries.Length; i++)
        {
            if (bucket < boundaries[i])
            {
                return Revisions[i];
            }
        }

        throw new InvalidOperationException($"Route '{Name}' has no revision with a weight above zero.");
    }

    public bool Matches(PathString path) => PathPrefix == "/" || path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    private static ImmutableArray<int> ComputeBoundaries(ImmutableArray<Revision> revisions)
    {
        long total = revisions.Sum(r => (long)r.Weight);
        var builder = ImmutableArray.CreateBuilder<int>(revisions.Length);
        long cumulative = 0;
        foreach (var revision in revisions)
        {
            cumulative += revision.Weight;
            builder.Add(total == 0 ? 0 : (int)(cumulative * AssignmentBucket.Count / total));
        }

        return builder.MoveToImmutable();
    }
}
