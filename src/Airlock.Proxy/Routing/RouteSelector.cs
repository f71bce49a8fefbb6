using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Routing;

/// <summary>
/// Picks the revision for a request: ring allow-lists first, then conversation affinity, then the user's salted
/// bucket against the weights. Reads only the route it is given, so it always sees one consistent table.
/// </summary>
internal sealed class RouteSelector(ConversationAffinity affinity)
{
    public RoutingDecision Select(Route route, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(request);
        var userKey = ReadUserKey(route.UserKey, request);
        string? issued = null;
        string? Header(string name) => request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

        foreach (var ring in route.Rings)
        {
            if (ring.Matches(userKey, Header) && route.Find(ring.Revision) is { } ringRevision)
            {
                return new RoutingDecision(route, ringRevision, DecisionReason.Ring, null);
            }
        }

        var conversation = route.ConversationHeader is null ? null : Header(route.ConversationHeader);
        if (conversation is not null
            && affinity.Lookup(route.Name, conversation) is { } pinned
            && route.Find(pinned) is { Weight: > 0 } pinnedRevision)
        {
            return new RoutingDecision(route, pinnedRevision, DecisionReason.Conversation, null);
        }

        if (userKey is null)
        {
            // A first-time visitor: a random key, kept in a cookie when one is configured so the next request is sticky.
            userKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            issued = route.UserKey.Cookie is null ? null : userKey;
        }

        var revision = route.ForBucket(AssignmentBucket.Compute(route.Salt, userKey));
        if (conversation is not null)
        {
            affinity.Pin(route.Name, conversation, revision.Name);
        }

        return new RoutingDecision(route, revision, DecisionReason.Weight, issued);
    }

    private static string? ReadUserKey(UserKeySource source, HttpRequest request)
    {
        if (source.Header is not null && request.Headers.TryGetValue(source.Header, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]))
        {
            return values[0];
        }

        if (source.Cookie is not null && request.Cookies.TryGetValue(source.Cookie, out var cookie) && !string.IsNullOrEmpty(cookie))
        {
            return cookie;
        }

        return null;
    }
}
