namespace Airlock.Core.Deployment;

/// <summary>Where <c>airlock proxy</c> serves the service and how it keeps users sticky.</summary>
public sealed record RouteSpec
{
    public Uri Listen { get; init; } = new("http://127.0.0.1:8080");

    /// <summary>The proxy's admin API (loopback only).</summary>
    public Uri Admin { get; init; } = new("http://127.0.0.1:9090");

    public string? UserKeyHeader { get; init; }

    public string? UserKeyCookie { get; init; } = "airlock_uid";

    public string? ConversationHeader { get; init; }
}
