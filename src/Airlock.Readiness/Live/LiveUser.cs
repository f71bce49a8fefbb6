using System.Net;

namespace Airlock.Readiness.Live;

/// <summary>
/// One simulated user. Services bucket anonymous users by client address or by a header; a user here has a source
/// address of its own (loopback targets) or a header value of its own (<c>live.user_header</c>).
/// </summary>
/// <param name="Name">What the evidence calls it ("burst user").</param>
/// <param name="Source">The local address its connections come from, or null for the default.</param>
/// <param name="HeaderValue">Its value of <c>live.user_header</c>, or null when users are told apart by address.</param>
internal sealed record LiveUser(string Name, IPAddress? Source, string? HeaderValue)
{
    public override string ToString() => Source is not null ? $"{Name} ({Source})" : HeaderValue is not null ? $"{Name} ({HeaderValue})" : Name;
}
