using System.Collections.Immutable;

namespace Airlock.Proxy.Routing;

/// <summary>
/// An allow-list that always sends its members to one revision, ahead of the weights: listed user keys,
/// or requests whose <see cref="Header"/> carries one of <see cref="HeaderValues"/>.
/// </summary>
internal sealed record RingRule(string Revision, ImmutableHashSet<string> UserKeys, string? Header, ImmutableHashSet<string> HeaderValues)
{
    public bool Matches(string? userKey, Func<string, string?> header) =>
        (userKey is not null && UserKeys.Contains(userKey))
        || (Header is not null && header(Header) is { } value && HeaderValues.Contains(value));
}
