namespace ChatAgent.TimeZones;

/// <param name="Local">ISO 8601 with the zone's offset.</param>
/// <param name="TimeZone">The IANA id used; "UTC" when falling back.</param>
/// <param name="Note">Why UTC was used instead of the asked zone; null when the user's zone was used.</param>
internal sealed record LocalTimestamp(string Local, string TimeZone, string? Note);
