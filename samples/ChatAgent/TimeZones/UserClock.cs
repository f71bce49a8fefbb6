using System.Globalization;

namespace ChatAgent.TimeZones;

/// <summary>
/// Shows times in the user's IANA zone. An unknown zone or a machine without tz data falls back to UTC,
/// labelled as such, so a wrong local time is never shown as if it were right.
/// </summary>
internal sealed class UserClock(TimeProvider time)
{
    // A zone every tz database has; if it is missing the database is missing.
    private const string ProbeZone = "America/New_York";

    public static bool TimeZoneDataPresent => TimeZoneInfo.TryFindSystemTimeZoneById(ProbeZone, out _);

    public LocalTimestamp Now(string? timeZoneId)
    {
        var utc = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return Utc(utc, "no time zone was given; shown in UTC");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId.Trim(), out var zone))
        {
            var note = TimeZoneDataPresent
                ? $"time zone '{timeZoneId}' is unknown; shown in UTC"
                : "this server has no time-zone data; shown in UTC";
            return Utc(utc, note);
        }

        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return new LocalTimestamp(Format(local), zone.Id, null);
    }

    private static LocalTimestamp Utc(DateTimeOffset utc, string note) => new(Format(utc), "UTC", note);

    private static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
