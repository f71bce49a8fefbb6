namespace Airlock.Core.Config.Live;

/// <summary>Row 4: a bounded burst from one user must meet a 429 with Retry-After; a second user must not.</summary>
public sealed record LiveRateLimitConfig
{
    /// <summary>Most requests of the burst; it stops at the first 429.</summary>
    public int Burst { get; init; } = 40;

    public string Message { get; init; } = "When is support open?";
}
