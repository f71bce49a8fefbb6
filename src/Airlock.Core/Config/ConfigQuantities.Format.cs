using System.Globalization;

namespace Airlock.Core.Config;

public static partial class ConfigQuantities
{
    /// <summary>Writes a duration the way airlock.yaml reads it back: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var (value, unit) = duration switch
        {
            _ when duration.TotalHours >= 1 && duration.TotalHours % 1 == 0 => (duration.TotalHours, "h"),
            _ when duration.TotalMinutes >= 1 && duration.TotalMinutes % 1 == 0 => (duration.TotalMinutes, "m"),
            _ when duration.TotalSeconds >= 1 => (duration.TotalSeconds, "s"),
            _ => (duration.TotalMilliseconds, "ms"),
        };
        return value.ToString("0.###", CultureInfo.InvariantCulture) + unit;
    }
}
