using Airlock.Proxy.Forwarding;
using Airlock.Proxy.Routing;

namespace Airlock.Proxy.Hosting;

/// <summary>A loaded route file: the routes and how to forward to them.</summary>
internal sealed record ProxyConfig(RouteTable Routes, ForwarderOptions Forwarding)
{
    /// <summary>Live conversations pinned to a revision at most; past it new ones follow the user bucket only.</summary>
    public int ConversationCapacity { get; init; } = 100_000;

    public TimeSpan ConversationIdleExpiry { get; init; } = TimeSpan.FromHours(1);
}
