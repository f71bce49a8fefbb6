namespace Airlock.Proxy.Routing;

/// <summary>One deployed version of a service behind a route, with its share of the weighted traffic.</summary>
/// <param name="Weight">A relative share; a revision with weight 0 gets no weighted traffic (rings may still name it).</param>
internal sealed record Revision(string Name, Uri Upstream, int Weight);
