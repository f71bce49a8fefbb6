namespace Airlock.Proxy.Persistence;

/// <summary>The route table as last applied: its generation (the version stamp) and the route-file text it was read from.</summary>
internal sealed record PersistedRoutes(long Generation, string Source);
