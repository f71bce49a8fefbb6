namespace Airlock.Core.Config.Live;

/// <summary>Row 8: a request with a user time zone must get a timestamp at that zone's offset.</summary>
public sealed record LiveTimeZoneConfig
{
    /// <summary>An IANA zone without daylight saving, so the expected offset never depends on the date.</summary>
    public string Zone { get; init; } = "Asia/Kolkata";

    public string Message { get; init; } = "Hello";

    /// <summary>JSON path of the local timestamp (ISO 8601 with offset) in the answer.</summary>
    public string Field { get; init; } = "timestamp.local";
}
