using System.Collections.Immutable;

namespace Airlock.Core.Config.Live;

/// <summary>
/// The <c>live:</c> section of airlock.yaml: how <c>airlock check --live URL</c> probes a running revision. Every
/// default fits samples/ChatAgent, so the section is optional for it; other services override paths and fields.
/// </summary>
public sealed record LiveConfig
{
    /// <summary>Longest any one probe request may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest the whole live rubric may take; rows still running then are failed as timed out.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Most requests one run may send, whatever the rows ask for.</summary>
    public int MaxRequests { get; init; } = 250;

    /// <summary>
    /// A header that tells users apart (for example X-Forwarded-For behind a known proxy, or X-User-Id). Null: users
    /// are told apart by their source address, which works on a loopback target only.
    /// </summary>
    public string? UserHeader { get; init; }

    public LiveHealthConfig Health { get; init; } = new();

    public LiveTurnConfig Turn { get; init; } = new();

    public LiveProbeConfig KnownBad { get; init; } = LiveProbeConfig.DefaultKnownBad;

    public LiveVersionConfig Version { get; init; } = new();

    public LiveRateLimitConfig RateLimit { get; init; } = new();

    public LiveDegradationConfig Degradation { get; init; } = new();

    public LivePersonaConfig Persona { get; init; } = new();

    public LiveRetrievalConfig Retrieval { get; init; } = new();

    public LiveTimeZoneConfig TimeZone { get; init; } = new();

    public LiveMemoryConfig Memory { get; init; } = new();

    public LiveWidgetConfig Widget { get; init; } = new();

    public LiveStreamingConfig Streaming { get; init; } = new();

    public LiveSecretsConfig Secrets { get; init; } = new();

    /// <summary>The team's own probes, one row each.</summary>
    public ImmutableArray<LiveProbeConfig> Probes { get; init; } = [];
}
